"""YAML with positions, on top of PyYAML's composer, with budgets for untrusted files.

Why not `yaml.safe_load`: it forgets where each value was written, silently
keeps the last of two duplicate keys, and turns `2020-10-01` into a date.
Here we compose the node tree (which keeps marks), then build plain Python
values ourselves, recording the position of every mapping key and value in a
dict keyed by the value's path. Cost is linear in the size of the file.

Why budgets: data files come from pull requests. PyYAML expands aliases
without limit (a 515-byte « alias bomb » reaches gigabytes) and composes
recursive anchors into cycles. Anchors and aliases are refused (editors do
not need them), and so are a file larger than `MAX_BYTES`, nesting deeper
than `MAX_DEPTH`, unknown tags, control characters and non-UTF-8 bytes:
each is a located problem, never an exception.

Scalars follow YAML 1.2's core schema, not PyYAML's 1.1: only `true` and
`false` are booleans (`iso3: NO` stays the text « NO »), only plain decimals
are integers (a code with a leading zero stays text), and dates stay text.
"""

from __future__ import annotations

import re
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

_YAML = "tag:yaml.org,2002:"
_INT = _YAML + "int"
_FLOAT = _YAML + "float"
_BOOL = _YAML + "bool"
_NULL = _YAML + "null"
# Tags PyYAML resolves by itself on plain values; an explicit `!!str` is fine too. Any other tag
# (`!!binary`, `!!set`, `!python/…`, a local `!truc`) would be dropped or misread: refused.
_KNOWN_TAGS = {_YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")}
_TRUE, _FALSE = {"true", "True", "TRUE"}, {"false", "False", "FALSE"}
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT_12 = re.compile(r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)")
# An anchor (&a) or alias (*a) written as a node property: a cheap pre-check before the exact token scan.
# Where a node starts: a line (after an optional "- "), after "key: ", or in a flow collection.
_ANCHOR_HINT = re.compile(r"(?:^[ \t]*(?:-[ \t]+)*|:[ \t]+|[\[{,][ \t]*)[&*][^\s,\[\]{}]", re.MULTILINE)

# libyaml's most frequent complaints, in French (others are shown as libyaml words them).
_SYNTAX_FR = {
    "mapping values are not allowed here": "un « : » inattendu ; mettez le texte entre guillemets",
    "mapping values are not allowed in this context": "un « : » inattendu ; mettez le texte entre guillemets",
    "did not find expected key": "clé attendue : l'indentation de cette ligne ne suit pas celle du dessus",
    "did not find expected '-' indicator": "élément de liste attendu (« - ») : vérifiez l'indentation",
    "did not find expected ',' or ']'": "liste entre crochets non fermée : il manque « , » ou « ] »",
    "did not find expected ',' or '}'": "ensemble entre accolades non fermé : il manque « , » ou « } »",
    "found character that cannot start any token": "caractère qui ne peut pas commencer une valeur (« @ », « ` », tabulation…) ; "
                                                   "mettez la valeur entre guillemets",
    "found unexpected end of stream": "fin de fichier inattendue : un guillemet ou un crochet n'est pas fermé",
    "found undefined alias": "alias inconnu (les alias ne sont pas permis)",
    "could not find expected ':'": "« : » attendu après la clé",
    "found unknown escape character": "séquence « \\ » inconnue dans un texte entre guillemets doubles",
    "expected <block end>, but found '-'": "élément de liste mal indenté",
    "expected <block end>, but found '<block mapping start>'": "clé mal indentée",
    "expected <block end>, but found '<scalar>'": "valeur mal indentée",
    "found a tab character that violates indentation": "tabulation dans l'indentation : utilisez des espaces",
}

MAX_BYTES = 64 * 2**20  # the 10,000-programme Atlas file is about 15 MB
MAX_DEPTH = 40  # our deepest real path is 6 levels
MAX_ALIAS_REPORTS = 10


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
    """Only the types an editor means (YAML 1.2 core): numbers, true/false, null. Dates stay strings."""
    tag, value = node.tag, node.value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return True if value in _TRUE else False if value in _FALSE else value
    if tag == _INT:
        return int(value) if _DECIMAL.fullmatch(value) else value
    if tag == _FLOAT:
        return float(value.replace("inf", "Inf").replace("INF", "Inf").replace("Inf", "inf")) if _FLOAT_12.fullmatch(value) else value
    return value


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _anchor_problems(text: str, display: str) -> list[Problem]:
    """Every anchor and alias of the file, located, from the scanner's tokens (no composition)."""
    problems: list[Problem] = []
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if len(problems) >= MAX_ALIAS_REPORTS:
                problems.append(Problem(display, problems[-1].line, problems[-1].col, "yaml_alias",
                                        "… et d'autres ancres ou alias dans ce fichier : retirez-les tous"))
                break
            if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                line, col = token.start_mark.line + 1, token.start_mark.column + 1
                what = f"ancre YAML « &{token.value} » non permise" if isinstance(token, yaml.AnchorToken) \
                    else f"alias YAML « *{token.value} » non permis"
                problems.append(Problem(display, line, col, "yaml_alias",
                                        f"{what} : recopiez la valeur à chaque endroit "
                                        "(les ancres et alias ne sont pas acceptés dans les données)"))
    except yaml.YAMLError:
        pass  # the composer reports syntax errors itself
    return problems


def load_yaml(text: str, display: str, *, strict_tags: bool = True) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse one YAML document. Returns the document, or None with problems.

    `strict_tags=False` reads a file we do not own (mkdocs.yml, whose `!ENV` and
    `!!python/name:` tags are MkDocs' business) for positions only.
    """
    if strict_tags and _ANCHOR_HINT.search(text):
        anchors = _anchor_problems(text, display)
        if anchors:
            return None, anchors
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        what = _SYNTAX_FR.get((exc.problem or "").split(" (")[0], exc.problem or "syntaxe invalide")
        return None, [Problem(display, line, col, "yaml",
                              f"syntaxe YAML invalide ({what}) : vérifiez l'indentation et les guillemets")]
    except yaml.reader.ReaderError as exc:
        line, col = _line_col(text, exc.position)
        return None, [Problem(display, line, col, "caractere",
                              f"caractère interdit U+{exc.character:04X} : supprimez-le (souvent un reste de copier-coller)")]
    except yaml.YAMLError as exc:  # pragma: no cover - other YAML errors carry no position
        return None, [Problem(display, 0, 0, "yaml", f"syntaxe YAML invalide : {exc}")]

    positions = Positions()
    if root is None:
        return YamlDocument(display, None, positions), []

    problems: list[Problem] = []
    seen: set[int] = set()

    def build(node: yaml.Node, path: PathKey) -> Any:
        positions.values[path] = _mark(node)
        line, col = _mark(node)
        if id(node) in seen:  # an alias: the same node again (and maybe a cycle). Never expanded.
            raise _Refused(Problem(display, line, col, "yaml_alias",
                                   "alias YAML non permis : recopiez la valeur à chaque endroit"))
        seen.add(id(node))
        if len(path) > MAX_DEPTH:
            raise _Refused(Problem(display, line, col, "profondeur",
                                   f"imbrication trop profonde (plus de {MAX_DEPTH} niveaux) : vérifiez l'indentation"))
        if strict_tags and node.tag not in _KNOWN_TAGS:
            tag = node.tag.replace(_YAML, "!!")
            problems.append(Problem(display, line, col, "etiquette",
                                    f"étiquette YAML « {tag} » non permise : retirez-la et écrivez la valeur simplement "
                                    "(entre guillemets si c'est un texte)"))
            return None
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

    try:
        data = build(root, ())
    except _Refused as refused:
        return None, _anchor_problems(text, display) or [refused.problem]
    return YamlDocument(display, data, positions), problems


class _Refused(Exception):
    """Stops building a document whose shape we refuse (alias, depth)."""

    def __init__(self, problem: Problem):
        self.problem = problem


def load_yaml_file(path: Path, display: str, *, strict_tags: bool = True) -> tuple[YamlDocument | None, list[Problem]]:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [Problem(display, 1, 1, "taille", f"fichier trop gros ({size / 2**20:.0f} Mo, au plus "
                                  f"{MAX_BYTES // 2**20} Mo) : partagez les fiches entre plusieurs demandes de modification")]
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(display, 0, 0, "fichier", "fichier introuvable : créez-le (voir FORMAT-DES-DONNEES.md)")]
    except IsADirectoryError:
        return None, [Problem(display, 0, 0, "fichier", "c'est un dossier, pas un fichier : remplacez-le par le fichier YAML")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefix = raw[:exc.start].decode("utf-8")
        line, col = _line_col(prefix, len(prefix))
        return None, [Problem(display, line, col, "encodage",
                              f"le fichier n'est pas en UTF-8 (octet 0x{raw[exc.start]:02X}) : réenregistrez-le en UTF-8 "
                              "(dans l'éditeur : « Enregistrer avec l'encodage » → UTF-8)")]
    return load_yaml(text.removeprefix("\ufeff"), display, strict_tags=strict_tags)
