"""Pydantic validation errors turned into located French problems.

Messages are keyed on pydantic's error *type*, never on its English text,
so a pydantic upgrade cannot change what editors read.
"""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .models import PATTERN_MESSAGES
from .problems import Problem
from .yamlpos import Positions

_GENERIC = {
    "string_type": "doit être du texte (mettez la valeur entre guillemets)",
    "int_type": "doit être un nombre entier",
    "int_parsing": "doit être un nombre entier",
    "int_from_float": "doit être un nombre entier",
    "float_type": "doit être un nombre",
    "float_parsing": "doit être un nombre",
    "bool_type": "doit valoir true ou false",
    "bool_parsing": "doit valoir true ou false",
    "list_type": "doit être une liste (une ligne « - … » par élément)",
    "model_type": "doit être un ensemble de champs « clé: valeur »",
    "dict_type": "doit être un ensemble de champs « clé: valeur »",
    "model_attributes_type": "doit être un ensemble de champs « clé: valeur »",
    "string_too_short": "ne doit pas être vide",
    "too_short": "doit contenir au moins {min_length} élément(s)",
    "greater_than_equal": "doit être supérieur ou égal à {ge}",
    "less_than_equal": "doit être inférieur ou égal à {le}",
}


# Types of our own PydanticCustomError (models.py, markup.py): their text is already French.
_OWN_SUFFIXES = ("_invalide", "_interdit", "_interdite", "_interdits")


def _unwrap(annotation: Any) -> type[BaseModel] | None:
    """The model class inside list[...], X | None, Annotated[...]."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _unwrap(arg)
            if found:
                return found
        return None
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return None


def model_at(root: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model that validates the mapping at `loc` (list indexes skipped)."""
    model: type[BaseModel] | None = root
    for part in loc:
        if isinstance(part, int):
            continue
        if model is None or part not in model.model_fields:
            return None
        model = _unwrap(model.model_fields[part].annotation)
    return model


def _field_label(loc: tuple[Any, ...]) -> str:
    names = [p for p in loc if isinstance(p, str)]
    return names[-1] if names else ""


def _message(err: dict[str, Any], root: type[BaseModel]) -> str:
    kind = err["type"]
    loc = tuple(err["loc"])
    ctx = err.get("ctx") or {}
    field = _field_label(loc)
    value = err.get("input")
    if kind == "missing":
        return f"champ obligatoire « {field} » manquant : ajoutez-le à cette fiche"
    if kind == "extra_forbidden":
        model = model_at(root, loc[:-1])
        allowed = sorted(model.model_fields) if model else []
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f" (vouliez-vous dire « {close[0]} » ?)" if close else ""
        return f"champ inconnu « {loc[-1]} »{hint} ; champs possibles : {', '.join(allowed)}"
    if kind == "string_pattern_mismatch":
        template = PATTERN_MESSAGES.get(ctx.get("pattern", ""))
        if template:
            return f"{field} : " + template.format(input=value)
        return f"{field} : valeur « {value} » de forme invalide"
    if kind in ("enum", "literal_error"):
        expected = str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", ")
        return f"{field} : valeur « {value} » non autorisée ; valeurs possibles : {expected}"
    if not loc and kind in ("model_type", "model_attributes_type", "dict_type"):
        keys = ", ".join(f"« {k}: »" for k in root.model_fields)
        return f"le fichier doit être un ensemble de champs « clé: valeur » ({keys}), pas une liste ni une valeur seule"
    if kind in _GENERIC:
        return f"{field} : " + _GENERIC[kind].format(**ctx)
    if kind.endswith(_OWN_SUFFIXES):  # our own PydanticCustomError: already French
        return f"{field} : {err['msg']}"
    return f"{field} : valeur invalide ({kind})"


def problems_from_validation(
    exc: ValidationError, root: type[BaseModel], positions: Positions, display: str
) -> list[Problem]:
    problems = []
    for err in exc.errors(include_url=False):
        loc = tuple(err["loc"])
        key = err["type"] in ("extra_forbidden", "missing")
        line, col = positions.locate(loc, key=key)
        problems.append(Problem(display, line, col, err["type"], _message(err, root), field=_field_label(loc)))
    return problems
