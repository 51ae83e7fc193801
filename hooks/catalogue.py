"""MkDocs adapter: build events in, core calls out. No logic lives here.

Loaded by path by MkDocs (and not reloaded by `mkdocs serve`), so it imports
the installed `coopdec` package by name. Core errors become PluginError: the
build stops before anything is written, with every problem listed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from coopdec import CatalogueError, incremental
from coopdec.build import Project
from coopdec.build_warnings import problem_from_warning
from coopdec.chrome import compact, with_nav_cache
from coopdec.geo import BasemapError
from coopdec.offline import ThirdPartyError
from coopdec.problems import display_path

_project: Project | None = None
_beside = None  # the second process writing maps, search and exports while MkDocs renders pages


class _Warnings(logging.Handler):
    """Every warning of the build, kept to fail it in French at the end (strict means strict)."""

    coopdec = True  # marks our handler: `mkdocs serve` may load this file again on each rebuild

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


_warnings = _Warnings()


def on_startup(command, dirty):
    if command == "serve":
        incremental.note_serving()  # remembered across rebuilds (this file is loaded again for each)
    if command == "serve" and dirty:  # `make serve`: the editors' loop rebuilds only what changed
        incremental.open_session()
        # MkDocs warns on every dirty build, which `strict: true` turns into a failure.
        logging.getLogger("mkdocs.commands.build").addFilter(lambda r: not r.getMessage().startswith("A 'dirty' build"))


def on_shutdown():
    incremental.close_session()


def on_config(config):
    global _project
    _warnings.messages.clear()
    logger = logging.getLogger("mkdocs")
    for handler in [h for h in logger.handlers if getattr(h, "coopdec", False) and h is not _warnings]:
        logger.removeHandler(handler)  # a handler of an earlier load of this file
    if _warnings not in logger.handlers:
        logger.addHandler(_warnings)
    root = Path(config.config_file_path).parent
    try:
        _project = Project.load(root, Path(config.docs_dir), config=Path(config.config_file_path))
    except CatalogueError as exc:
        raise PluginError("Données du catalogue invalides :\n" + exc.report()) from None
    config.nav = _project.nav(config.nav) if config.nav else None
    _project.pin_build_date()  # sitemap dates from the data, not the clock: same bytes on any day
    if cache := incremental.current_session():
        cache.start(config.nav)
    # Sigles as the abbr extension's glossary: read once, not re-parsed on every page.
    config.mdx_configs.setdefault("abbr", {})["glossary"] = _project.glossary
    return config


def on_files(files, config):
    if cache := incremental.current_session():  # generated pages as files rewritten only when they change; MkDocs skips the others
        hand_written = list(files.documentation_pages())
        for page in _project.pages:
            files.append(File.generated(config, page.path, abs_src_path=cache.source(page)))
        for file in hand_written:
            if cache.expansion_changed(file.src_uri, _project.expand(file.content_string, file.src_uri)) or cache.everything:
                file.is_modified = lambda: True
        if cache.everything:
            for file in files.documentation_pages():
                file.is_modified = lambda: True
        return files
    for page in _project.pages:
        files.append(File.generated(config, page.path, content=page.markdown))
    return files


def on_nav(nav, config, files):
    global _beside
    # The site folder is clean and every page is known: maps, search index and exports can be written now.
    _beside = _project.start_catalogue_files(Path(config.site_dir))
    return nav


def on_build_error(error):
    if _beside is not None:
        _beside.cancel()


def on_page_markdown(markdown, page, config, files):
    try:
        expanded = _project.expand_page(markdown, page.file.src_uri)
    except CatalogueError as exc:
        raise PluginError(exc.report()) from None
    # Material's search plugin would parse every page for an index we replace (write_search): skip it.
    page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    if expanded.names_person:  # a listing names a person: noindex, and out of sitemap.xml
        page.meta["noindex"] = True
    return expanded.markdown


@event_priority(-50)  # after Material's search plugin (0), before its offline plugin (-100)
def on_post_build(config):
    if _warnings.messages and config.strict:
        root = Path(config.config_file_path).parent
        problems = [problem_from_warning(m, Path(config.docs_dir), lambda p: display_path(p, root)) for m in _warnings.messages]
        raise PluginError("La construction stricte a échoué :\n" + CatalogueError(problems).report())
    try:
        _beside.join()
        _project.localise_third_party(Path(config.site_dir))
    except (BasemapError, ThirdPartyError) as exc:
        raise PluginError(str(exc)) from None
    _project.empty_material_index(Path(config.site_dir))


def on_env(env, config, files):
    theme_dirs = [d for d in config.theme.dirs if Path(d) != Path(config.theme.custom_dir or "")]
    # The theme's templates without their indentation (lighter pages); the menu of record pages rendered once per folder.
    return with_nav_cache(compact(env), theme_dirs)
