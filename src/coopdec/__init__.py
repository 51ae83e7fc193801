"""Core of the catalogue of French decentralised cooperation.

Loads and checks the YAML data (`load_catalogue`), renders the generated
pages (`render_site`). Never imports mkdocs: the MkDocs hooks are a thin
adapter over this package, so another engine can use it too.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .catalogue import Catalogue, load_catalogue
    from .problems import CatalogueError, Problem

__all__ = ["Catalogue", "CatalogueError", "Problem", "load_catalogue"]
# Imported on first use (PEP 562): `coopdec publish` only runs MkDocs, the scan and the zip, and
# its process need not load the schema (pydantic) that the MkDocs process loads anyway.
_FROM = {"Catalogue": "catalogue", "load_catalogue": "catalogue", "CatalogueError": "problems", "Problem": "problems"}


def __getattr__(name: str) -> object:
    if name in _FROM:
        return getattr(importlib.import_module(f".{_FROM[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
