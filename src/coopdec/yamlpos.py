"""YAML with positions, on top of PyYAML's composer.

Why not `yaml.safe_load`: it forgets where each value was written, silently
keeps the last of two duplicate keys, and turns `2020-10-01` into a date.
Here we compose the node tree (which keeps marks), then build plain Python
values ourselves, recording the position of every mapping key and value in a
dict keyed by the value's path. Cost is linear in the size of the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem

try:  # the C composer is several times faster on large files
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader

PathKey = tuple[str | int, ...]

_INT = "tag:yaml.org,2002:int"
_FLOAT = "tag:yaml.org,2002:float"
_BOOL = "tag:yaml.org,2002:bool"
_NULL = "tag:yaml.org,2002:null"


@dataclass
class Positions:
    """Where each value of a document was written: path -> (line, col), 1-based.

    For a mapping entry, `keys[path]` is the position of the key itself and
    `values[path]` the position of its value.
    """

    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def locate(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Best position for `path`: the deepest ancestor that we know."""
        p = tuple(path)
        while p:
            table = self.keys if key else self.values
            if p in table:
                return table[p]
            if p in self.values:
                return self.values[p]
            p = p[:-1]
            key = True  # a missing child is best shown at its parent's key
        return self.values.get((), (1, 1))


@dataclass
class YamlDocument:
    path: str
    data: Any
    positions: Positions


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _scalar(node: yaml.ScalarNode) -> Any:
    """Only the types an editor means: numbers, booleans, null. Dates stay strings."""
    tag, value = node.tag, node.value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return value.lower() in ("true", "yes", "on")
    if tag == _INT:
        digits = value.replace("_", "").lstrip("+-")
        if len(digits) > 1 and digits.startswith("0"):
            return value  # "01000", "0o17": a code written with a leading zero stays text
        try:
            return int(value.replace("_", ""))
        except ValueError:
            return value
    if tag == _FLOAT:
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    return value


def load_yaml(text: str, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML document. Returns the document, or None with problems."""
    problems: list[Problem] = []
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = exc.problem or "syntaxe invalide"
        return None, [Problem(display, line, col, "yaml",
                              f"syntaxe YAML invalide ({what}) : vérifiez l'indentation et les guillemets")]
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        return None, [Problem(display, 0, 0, "yaml", f"syntaxe YAML invalide : {exc}")]

    positions = Positions()
    if root is None:
        return YamlDocument(display, None, positions), problems

    def build(node: yaml.Node, path: PathKey) -> Any:
        positions.values[path] = _mark(node)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                key = _scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
                line, col = _mark(key_node)
                if not isinstance(key, str):
                    problems.append(Problem(display, line, col, "cle",
                                            "une clé doit être un mot (texte), pas un nombre ni une structure"))
                    continue
                if key in out:
                    first = positions.keys[path + (key,)][0]
                    problems.append(Problem(display, line, col, "cle_dupliquee",
                                            f"clé « {key} » répétée (déjà définie ligne {first}) : gardez-en une seule",
                                            field=key))
                    continue
                positions.keys[path + (key,)] = (line, col)
                out[key] = build(value_node, path + (key,))
            return out
        if isinstance(node, yaml.SequenceNode):
            return [build(child, path + (i,)) for i, child in enumerate(node.value)]
        return _scalar(node)  # type: ignore[arg-type]

    data = build(root, ())
    return YamlDocument(display, data, positions), problems


def load_yaml_file(path: Path, display: str) -> tuple[YamlDocument | None, list[Problem]]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Problem(display, 0, 0, "fichier", "fichier introuvable : créez-le (voir FORMAT-DES-DONNEES.md)")]
    except UnicodeDecodeError as exc:
        return None, [Problem(display, 0, 0, "encodage",
                              f"le fichier n'est pas en UTF-8 (octet {exc.start}) : réenregistrez-le en UTF-8")]
    return load_yaml(text, display)
