"""MkDocs adapter: half of the pages outside the menu rendered by a second process.

MkDocs renders pages one after another. Record pages (programmes, contacts,
organisations, countries) are outside the menu: no other page needs their
text, title or table of contents. At `on_nav`, a forked copy of the build
renders every other one of them, Markdown and template, and writes them; the
parent skips their Markdown (`on_pre_page`) and their template (they leave the
build's page list at `on_env`), then, at `on_post_build`, takes back the
child's warnings and anchors and checks the links between the two halves.
Same files, byte for byte (tests/test_build_speedups.py); `COOPDEC_PROCESSUS=1`
turns it off. Not used by `mkdocs serve`, whose loop rebuilds only what changed.
"""

from __future__ import annotations

import logging

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

from coopdec import incremental
from coopdec.parallel import Beside, processes

MINIMUM = 200  # below this many pages outside the menu, a second process costs more than it saves

_share: set = set()  # the files the child renders
_files = None  # the build's Files, kept for the checks at on_post_build
_child = None
_in_child = False


def _collector():
    """The catalogue hook's warning collector (hooks/catalogue.py `_Warnings`), found by its marker."""
    return [h for h in logging.getLogger("mkdocs").handlers if getattr(h, "coopdec", False)]


def _render_share(share, config, files, nav):
    """In the child: Markdown, template and file of each page of `share`; what the parent must check."""
    global _in_child
    _in_child = True
    before = [len(h.messages) for h in _collector()]
    for file in share:
        _populate_page(file.page, config, files)
    env = config.plugins.on_env(config.theme.get_env(), config=config, files=files)
    doc_files = files.documentation_pages()
    for file in share:
        _build_page(file.page, config, doc_files, nav, env)
    return {
        "warnings": [m for h, n in zip(_collector(), before, strict=True) for m in h.messages[n:]],
        "anchors": {f.src_uri: sorted(f.page.present_anchor_ids or ()) for f in share},
        "links": {f.src_uri: {to.src_uri: dict(links) for to, links in (f.page.links_to_anchors or {}).items()}
                  for f in share},
    }


@event_priority(-100)  # after the catalogue's on_nav, which starts the maps and search process
def on_nav(nav, config, files):
    global _child, _share, _files
    _share, _child, _files = set(), None, files
    if incremental.serving() or processes() < 2:
        return nav
    in_nav = {id(page) for page in nav.pages}
    outside = sorted((f for f in files.documentation_pages() if id(f.page) not in in_nav), key=lambda f: f.src_uri)
    if len(outside) < MINIMUM:
        return nav
    share = outside[1::2]
    _share = set(share)
    _child = Beside(lambda: _render_share(share, config, files, nav))
    return nav


def on_pre_page(page, config, files):
    if not _in_child and page.file in _share:
        page.content = ""
        page.render = lambda config, files: None  # Markdown rendered by the child (present_anchor_ids stays None)
    return page


@event_priority(-100)
def on_env(env, config, files):
    if _share and not _in_child:
        # The sitemap lists every page, the child's too; the page loop that follows skips the child's.
        env.globals["cd_pages_du_plan"] = list(files.documentation_pages())
        for file in _share:
            file.inclusion = InclusionLevel.EXCLUDED
    return env


def on_build_error(error):
    if _child is not None and not _in_child:
        _child.cancel()


@event_priority(100)  # before the catalogue's on_post_build, which fails the build on any warning
def on_post_build(config):
    global _child
    if _child is None or _in_child:
        return
    result, _child = _child.join(), None
    # The child printed its warnings; the catalogue's collector (strict build) gets them here.
    for handler in _collector():
        handler.messages.extend(result["warnings"])
    by_uri = {f.src_uri: f for f in _files}
    for uri, anchors in result["anchors"].items():
        by_uri[uri].page.present_anchor_ids = set(anchors)
    level = config.validation.links.anchors
    for uri, links in result["links"].items():  # the child's pages: every link with an anchor
        page = by_uri[uri].page
        page.links_to_anchors = {by_uri[to]: anchors for to, anchors in links.items() if to in by_uri}
        page.validate_anchor_links(files=_files, log_level=level)
    for file in _files.documentation_pages(inclusion=lambda _: True):  # the parent's pages: links into the child's
        page = file.page
        if file in _share or page is None or not page.links_to_anchors:
            continue
        into = {to: links for to, links in page.links_to_anchors.items() if to in _share}
        if into:
            kept, page.links_to_anchors = page.links_to_anchors, into
            page.validate_anchor_links(files=_files, log_level=level)
            page.links_to_anchors = kept
