"""The editors' report: every note that explains extraction or deduction.

Why a report and not the pages: « page déduite », « casse restituée » or a
title inferred from the content help the next editor check the source; a
reader needs only the document, the page and the date. These notes stay in
the data (`source.note_editeur`, `titre_infere`) and are listed here, with
the line to open, never on the site.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .catalogue import load_catalogue
from .models import DATA_FILES, OPTIONAL_FILES
from .problems import display_path
from .yamlpos import PathKey, YamlDocument, load_yaml_file

# Keys that name a record in a list, in order of preference.
_ID_KEYS = ("id", "sigle", "indicateur")


@dataclass(frozen=True)
class EditorNote:
    path: str
    line: int
    record: str
    note: str

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.record} : {self.note}"


def _record_name(doc: YamlDocument, path: PathKey) -> str:
    """The id of the innermost record holding `path` (« chiffres-cles[3] » when it has none)."""
    names = []
    node: Any = doc.data
    for step in path:
        node = node[step]
        if isinstance(node, dict):
            for key in _ID_KEYS:
                if isinstance(node.get(key), str):
                    names.append(node[key])
                    break
    return " > ".join(names[:2]) if names else "/".join(str(s) for s in path[:2])


def _walk(value: Any, path: PathKey = ()) -> Any:
    if isinstance(value, dict):
        for key, child in value.items():
            yield path + (key,), child
            yield from _walk(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _walk(child, path + (i,))


def editor_notes(data_dir: Path, root: Path | None = None) -> list[EditorNote]:
    """Every editors' note of a valid catalogue, in file and line order. Raises CatalogueError."""
    load_catalogue(data_dir, root)  # validate first: a report on broken data would mislead
    notes: list[EditorNote] = []
    for name in [*DATA_FILES, *OPTIONAL_FILES]:
        path = data_dir / name
        if not path.exists():
            continue
        doc, _ = load_yaml_file(path, display_path(path, root))
        assert doc is not None  # validated above
        for key_path, value in _walk(doc.data):
            key = key_path[-1]
            if key == "note_editeur" and isinstance(value, str):
                note = value
            elif key == "titre_infere" and value is True:
                note = "titre déduit du contenu (illisible dans la source)"
            else:
                continue
            line = doc.positions.locate(key_path, key=True)[0]
            notes.append(EditorNote(doc.path, line, _record_name(doc, key_path[:-1]), note))
    return notes
