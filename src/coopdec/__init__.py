"""Core of the catalogue of French decentralised cooperation.

Loads and checks the YAML data (`load_catalogue`), renders the generated
pages (`render_site`). Never imports mkdocs: the MkDocs hooks are a thin
adapter over this package, so another engine can use it too.
"""

from .catalogue import Catalogue, load_catalogue
from .problems import CatalogueError, Problem

__all__ = ["Catalogue", "CatalogueError", "Problem", "load_catalogue"]
