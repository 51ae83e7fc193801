"""`extra.catalogue` of mkdocs.yml: the catalogue's settings, checked with the data, at their line.

Why here and not in the hooks: `coopdec validate` (no MkDocs) must catch a
misspelt or misshapen setting too, and report it at `mkdocs.yml:line`.
mkdocs.yml belongs to MkDocs (it may hold `!ENV` tags), so it is read for
positions only, tags allowed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .exports import ExportSettings
from .problems import CatalogueError, Problem
from .yamlpos import load_yaml_file

PATH = ("extra", "catalogue")


def _locate(config: Path, leaf: tuple[str, ...] = ()) -> tuple[int, int]:
    doc, _ = load_yaml_file(config, config.name, strict_tags=False)
    return doc.positions.locate(PATH + leaf, key=True) if doc else (0, 0)


def read_settings(config: Path) -> Any:
    """The raw `extra.catalogue` value of the MkDocs configuration file (None when absent)."""
    if not config.exists():
        return None  # the core used without MkDocs: default settings
    doc, problems = load_yaml_file(config, config.name, strict_tags=False)
    if problems:
        raise CatalogueError(problems)
    value: Any = doc.data if doc else None
    for key in PATH:
        value = value.get(key) if isinstance(value, dict) else None
    return value


def check_settings(value: Any, config: Path) -> ExportSettings:
    """The settings model, or CatalogueError located in the MkDocs configuration file."""
    allowed = ", ".join(f"{k} (true ou false)" for k in ExportSettings.model_fields)
    if value is None:
        return ExportSettings()
    if not isinstance(value, dict):
        line, col = _locate(config)
        raise CatalogueError([Problem(config.name, line, col, "reglage",
                                      f"extra.catalogue doit être un ensemble de réglages « clé: valeur », pas une liste ni "
                                      f"une valeur seule ; réglages possibles : {allowed}")])
    try:
        return ExportSettings.model_validate(value)
    except ValidationError as exc:
        problems = []
        for err in exc.errors(include_url=False):
            key = str(err["loc"][0]) if err["loc"] else ""
            line, col = _locate(config, (key,) if key else ())
            what = "réglage inconnu" if err["type"] == "extra_forbidden" else "valeur invalide pour le réglage"
            problems.append(Problem(config.name, line, col, "reglage",
                                    f"extra.catalogue : {what} « {key} » ; réglages possibles : {allowed}"))
        raise CatalogueError(problems) from None
