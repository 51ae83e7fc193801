"""The editors' loop: after an edit in `data/`, rebuild only the pages whose Markdown changed.

Why: `mkdocs serve` rebuilds every page on each edit (20 s on the real site).
MkDocs' own `--dirty` mode rebuilds a page only when its source file is newer
than its HTML, but generated pages have no source file (they always count as
modified) and hand-written pages with directives change when the data changes,
not when their file does. So, in that mode only, every generated page is
written to a folder of this session, and rewritten only when its Markdown
changed; hand-written pages whose expanded text changed, and every page when
the navigation changed, are reported so the adapter marks them modified.

The full build (`make site`) never uses this: it renders everything, always.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .render import GeneratedPage


class PageCache:
    """Generated pages on disk for one `serve` session, rewritten only when they change."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder or Path(tempfile.mkdtemp(prefix="coopdec-pages-"))
        self._written: dict[str, str] = {}
        self._expanded: dict[str, str] = {}
        self._nav: str | None = None
        self.everything = True  # the first build, or the navigation changed: every page is rebuilt
        self.changed: list[str] = []

    def start(self, nav: Any) -> None:
        """Called once per build with the expanded navigation (it is on every page)."""
        key = json.dumps(nav, ensure_ascii=False, sort_keys=True, default=str)
        self.everything = key != self._nav
        self._nav = key
        self.changed = []

    def source(self, page: GeneratedPage) -> str:
        """The page's file in the session folder, rewritten (newer mtime) only if its Markdown changed."""
        target = self.folder / page.path
        if self._written.get(page.path) != page.markdown or not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(page.markdown, encoding="utf-8")
            self._written[page.path] = page.markdown
            self.changed.append(page.path)
        return str(target)

    def expansion_changed(self, page_path: str, expanded: str) -> bool:
        """A hand-written page whose directives now expand differently (its file did not change)."""
        changed = self._expanded.get(page_path) != expanded
        self._expanded[page_path] = expanded
        if changed:
            self.changed.append(page_path)
        return changed

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


# `mkdocs serve` re-executes the hooks file for every rebuild (fresh module, fresh globals);
# this installed module is imported once, so the session lives here.
_session: PageCache | None = None
_serving = False


def note_serving() -> None:
    """The engine runs a live preview (`mkdocs serve`): it rebuilds in this process, again and again."""
    global _serving
    _serving = True


def serving() -> bool:
    return _serving


def open_session() -> PageCache:
    global _session
    _session = _session or PageCache()
    return _session


def current_session() -> PageCache | None:
    return _session


def close_session() -> None:
    global _session
    if _session:
        _session.close()
    _session = None
