"""Site search: French analysis, search documents and the sharded index, all built in the core.

The browser side is `assets/analyse.js` (the same analysis) and
`assets/recherche.js` (a worker speaking Material's search protocol).
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path

from ..catalogue import Catalogue
from ..render import GeneratedPage
from .documents import page_documents, record_documents
from .index import FOLDER, BuiltIndex, build_index

__all__ = ["search_files", "build_index", "BuiltIndex", "FOLDER", "MATERIAL_STUB"]

# What Material's own index becomes: no documents (its worker is not used), and
# the separator its page highlighter needs to mark `?h=` words on the target page.
MATERIAL_STUB = {"config": {"lang": ["fr"], "separator": r"[\s\-–—'’«»“”\"(),;:!?/@…]+|\.(?!\d)", "pipeline": []},
                 "docs": []}


def search_files(cat: Catalogue, content_dir: Path, generated: list[GeneratedPage],
                 expand: Callable[[str, str], str] | None = None) -> tuple[BuiltIndex, dict[str, str]]:
    """The index files and the two scripts (worker, analysis), paths relative to the site."""
    pages = page_documents(content_dir, generated, expand) if expand else page_documents(content_dir, generated)
    built = build_index(record_documents(cat) + pages)
    assets = resources.files("coopdec").joinpath("assets")
    analyse = assets.joinpath("analyse.js").read_text(encoding="utf-8")
    worker = assets.joinpath("recherche.js").read_text(encoding="utf-8").replace("__VERSION__", built.version)
    return built, {**built.files, f"{FOLDER}/analyse.js": analyse, f"{FOLDER}/recherche.js": worker}
