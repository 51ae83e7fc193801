"""One object for a build: the checked catalogue, its pages, and what engines call.

Why a façade: the MkDocs hooks, the CLI (`coopdec generate`) and tests all
need the same sequence (load data, check hand-written pages, render), and
another engine must be able to reuse it without MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from .addresses import check_addresses
from .catalogue import Catalogue, load_catalogue
from .directives import check_pages, expand_page
from .nav import expand_nav
from .problems import CatalogueError, display_path
from .render import GeneratedPage, abbreviation_glossary, abbreviations, render_site
from .settings import check_settings, read_settings


def validate_project(root: Path, content_dir: Path, data_dir: Path, config: Path) -> tuple[Catalogue, Any]:
    """Phase one, whole: settings, data, hand-written pages, addresses. Every problem at once; nothing rendered."""
    problems = []
    export_settings = None
    try:
        export_settings = check_settings(read_settings(config), config)
    except CatalogueError as exc:
        problems += exc.problems
    try:
        catalogue = load_catalogue(data_dir, root)
    except CatalogueError as exc:
        raise CatalogueError(problems + exc.problems) from None
    display = lambda p: display_path(p, root)  # noqa: E731
    problems += check_pages(content_dir, catalogue, display) + check_addresses(catalogue, content_dir, display)
    if problems:
        raise CatalogueError(problems)
    return catalogue, export_settings


@dataclass
class Project:
    root: Path
    content_dir: Path
    catalogue: Catalogue
    export_settings: Any = None

    @classmethod
    def load(cls, root: Path, content_dir: Path | None = None, data_dir: Path | None = None,
             config: Path | None = None) -> Project:
        """Validate everything (settings, data, pages, addresses). Raises CatalogueError.

        Nothing is rendered here: `coopdec validate` only checks, and pages are
        rendered on first use of `pages`, from the checked catalogue alone.
        """
        content_dir = content_dir or root / "content"
        catalogue, export_settings = validate_project(root, content_dir, data_dir or root / "data", config or root / "mkdocs.yml")
        return cls(root, content_dir, catalogue, export_settings)

    @cached_property
    def pages(self) -> list[GeneratedPage]:
        return render_site(self.catalogue)

    @cached_property
    def glossary(self) -> dict[str, str]:
        """Sigles → meaning, for the `abbr` extension's `glossary` option (see render.abbreviation_glossary)."""
        return abbreviation_glossary(self.catalogue)

    def nav(self, nav: list[Any]) -> list[Any]:
        return expand_nav(nav, self.catalogue)

    def expand(self, markdown: str, page_path: str, definitions: bool = False) -> str:
        """Directives expanded. With `definitions`, the sigles' definitions are appended as
        Markdown (for engines without our glossary option: `coopdec generate`)."""
        text = self.expand_page(markdown, page_path).markdown
        return _with_definitions(text, abbreviations(self.catalogue)) if definitions else text

    def expand_page(self, markdown: str, page_path: str) -> GeneratedPage:
        """Directives expanded, and whether the page names a person (the engine then marks it noindex).

        The sigles are not appended: MkDocs gets them as the abbr extension's glossary."""
        display = display_path(self.content_dir / page_path, self.root)
        return expand_page(markdown, page_path, self.catalogue, display)

    def pin_build_date(self) -> str:
        """SOURCE_DATE_EPOCH from the newest data date (see reproducible.py), unless already set."""
        from .reproducible import pin_build_date

        return pin_build_date(self.catalogue)


    def write_search(self, site: Path) -> list[Path]:
        """The site's search index (sharded scripts), its worker and analysis script."""
        from .search import search_files

        _, files = search_files(self.catalogue, self.content_dir, self.pages, self.expand)
        return [_write(site / path, text) for path, text in sorted(files.items())]

    def empty_material_index(self, site: Path) -> list[Path]:
        """Material's own index reduced to its configuration, once its plugin has written it.

        Material's search plugin still runs so that its header box is rendered,
        but its worker is replaced (overrides/main.html) and its index, which the
        browser would download on every page, would be dead weight.
        """
        import json

        from .search import MATERIAL_STUB

        material = site / "search" / "search_index.json"
        if not material.exists():
            return []
        return [_write(material, json.dumps(MATERIAL_STUB, ensure_ascii=False, separators=(",", ":")))]

    def start_catalogue_files(self, site: Path):
        """Maps, search index, exports, explorer data, redirects and licences, written by a second
        process while the engine renders pages (parallel.Beside; `.join()` waits, and re-raises).

        They depend on the checked catalogue alone, and no engine writes their paths."""
        from .parallel import Beside

        _ = self.pages  # rendered before the fork, so both processes share them
        return Beside(lambda: [*self.write_maps(site), *self.write_site_files(site), *self.write_search(site)])

    def write_maps(self, site: Path, node_modules: Path | None = None) -> list[Path]:
        """Every map as a HTML file in site/cartes/, shared assets, local Leaflet.

        Raises BasemapError when an installed package is missing.
        """
        from .france_regions import load_regions
        from .geo import all_maps, bounds_of, load_basemap
        from .maps import write_maps

        node_modules = node_modules or self.root / "node_modules"
        basemap = load_basemap(node_modules)
        specs = all_maps(self.catalogue, bounds_of(basemap), load_regions(node_modules))
        return write_maps(site, specs, basemap, node_modules / "leaflet" / "dist")

    def localise_third_party(self, site: Path, node_modules: Path | None = None) -> None:
        """Polyfills from npm, and Material's on-demand CDN addresses pointed at them (MkDocs builds only).

        Raises ThirdPartyError when a package is missing or Material's bundle changed.
        """
        from .offline import localise_third_party

        localise_third_party(site, node_modules or self.root / "node_modules")

    def write_site_files(self, site: Path) -> list[Path]:
        """Files that are not pages: open-data exports, explorer data and script, redirects of old ids, licences."""
        from importlib import resources

        from .explorer import explorer_files
        from .exports import FOLDER, export_files
        from .licences import FOLDER as LICENCES
        from .licences import licence_files
        from .redirects import redirect_pages

        export_settings = self.export_settings or check_settings(None, self.root / "mkdocs.yml")
        written = []
        date = max(d.date for d in self.catalogue.documents.values())
        for name, text in export_files(self.catalogue, export_settings, date).items():
            written.append(_write(site / FOLDER / name, text))
        for name, text in explorer_files(self.catalogue).items():
            written.append(_write(site / "assets" / "catalogue" / name, text))
        assets = resources.files("coopdec").joinpath("assets")
        # The explorer filters with the search's analysis: the same module, placed first.
        script = assets.joinpath("analyse.js").read_text(encoding="utf-8") + assets.joinpath("explorateur.js").read_text(encoding="utf-8")
        written.append(_write(site / "assets" / "catalogue" / "explorateur.js", script))
        for path, html in redirect_pages(self.catalogue).items():
            written.append(_write(site / path, html))
        for name, text in licence_files(self.root, self.root / "node_modules").items():
            written.append(_write(site / LICENCES / name, text))
        return written

    def write_pages(self, out: Path) -> list[Path]:
        """Write generated pages and hand-written pages (directives expanded) to a folder.

        This is the engine-free output: any Markdown site generator can take it.
        """
        written = []
        definitions = abbreviations(self.catalogue)
        for page in self.pages:
            target = out / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_with_definitions(page.markdown, definitions), encoding="utf-8")
            written.append(target)
        for source in sorted(self.content_dir.rglob("*.md")):
            rel = source.relative_to(self.content_dir).as_posix()
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(self.expand(source.read_text(encoding="utf-8"), rel, definitions=True), encoding="utf-8")
            written.append(target)
        return written


def _with_definitions(text: str, definitions: str) -> str:
    return f"{text.rstrip()}\n\n{definitions}\n" if definitions else text


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
