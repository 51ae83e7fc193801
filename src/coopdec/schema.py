"""The JSON Schemas and the data-format reference, generated from the models.

Both are committed (editors' IDEs read the schemas straight from the
repository) and a test fails when they are stale, naming `make schemas`.
"""

from __future__ import annotations

import json
import typing
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .models import DATA_FILES, DATE_RE, OPTIONAL_FILES, SLUG_RE

ALL_FILES = {**DATA_FILES, **OPTIONAL_FILES}

SCHEMA_DIR = "schemas"
REFERENCE = "FORMAT-DES-DONNEES.md"


def schema_name(data_file: str) -> str:
    return data_file.replace(".yaml", ".schema.json")


def json_schema(data_file: str) -> str:
    model = ALL_FILES[data_file]
    schema = model.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{SCHEMA_DIR}/{schema_name(data_file)}",
        "title": f"data/{data_file}",
        **{k: v for k, v in schema.items() if k != "title"},
    }
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _label(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    """A French description of a JSON Schema property's type."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        target = defs.get(name, {})
        if "enum" in target:
            return "un de : " + ", ".join(f"`{v}`" for v in target["enum"])
        return f"[{name}](#{name.lower()})"
    if "anyOf" in prop:
        return " ou ".join(_label(p, defs) for p in prop["anyOf"] if p.get("type") != "null")
    kind = prop.get("type")
    if kind == "array":
        return "liste de " + _label(prop.get("items", {}), defs)
    if kind == "string":
        pattern = prop.get("pattern")
        if pattern == SLUG_RE:
            return "identifiant"
        if pattern == DATE_RE:
            return "date"
        if pattern:
            return f"texte de forme `{pattern}`"
        return {"email": "e-mail", "uri": "adresse web"}.get(prop.get("format", ""), "texte")
    if kind == "integer":
        if "minimum" in prop and "maximum" in prop:
            return f"entier de {prop['minimum']} à {prop['maximum']}"
        return "entier"
    return {"number": "nombre", "boolean": "true ou false"}.get(kind or "", "texte")


def _models_in(model: type[BaseModel], seen: dict[str, type[BaseModel]]) -> None:
    for field in model.model_fields.values():
        stack = [field.annotation]
        while stack:
            a = stack.pop()
            stack.extend(typing.get_args(a))
            if isinstance(a, type) and issubclass(a, BaseModel) and a.__name__ not in seen:
                seen[a.__name__] = a
                _models_in(a, seen)


def reference_markdown() -> str:
    """The data-format reference: one table per record type, from the models."""
    out = [
        "# Format des données",
        "",
        "<!-- Fichier généré par `make schemas` à partir de src/coopdec/models.py : ne pas modifier à la main. -->",
        "",
        "Les données du catalogue sont des fichiers YAML dans `data/`. Chaque fichier "
        "commence par une ligne `# yaml-language-server: $schema=…` qui donne à votre éditeur "
        "(VS Code avec l'extension YAML de Red Hat, par exemple) l'autocomplétion et la vérification. "
        "`make validate` vérifie tout et affiche chaque erreur sous la forme `fichier:ligne:colonne: erreur: …`.",
        "",
        "Règles communes : les identifiants (`id` et toutes les références) sont en minuscules sans accents, "
        "chiffres et tirets ; un champ inconnu est une erreur ; les dates s'écrivent `\"AAAA\"`, `\"AAAA-MM\"` "
        "ou `\"AAAA-MM-JJ\"`, existent dans le calendrier et ne sont pas dans le futur ; les booléens sont `true` ou "
        "`false` (pas `oui`, `yes` ni `on`) ; les ODD sont des nombres entiers ; les adresses web sont complètes "
        "(`https://…`) ; les ancres et alias YAML (`&nom`, `*nom`) et les étiquettes (`!!…`) ne sont pas acceptés. "
        "Les textes courts (titres, noms) restent du texte tel quel. Les textes longs sont en Markdown simple : "
        "paragraphes, `**gras**`, `*italique*`, listes, `code` et liens `[texte](https://…)` (aussi `mailto:` "
        "et `tel:`) ; le HTML, les images, les attributs `{: … }` et les liens relatifs sont refusés.",
        "",
        "## Fichiers",
        "",
        "| Fichier | Schéma | Contenu |",
        "| --- | --- | --- |",
    ]
    seen: dict[str, type[BaseModel]] = {}
    for name, model in ALL_FILES.items():
        keys = ", ".join(f"`{k}`" for k in model.model_fields)
        out.append(f"| `data/{name}` | `{SCHEMA_DIR}/{schema_name(name)}` | {keys} |")
        _models_in(model, seen)
    for mname in sorted(seen):
        model = seen[mname]
        out += ["", f"## {mname}", ""]
        doc = (model.__doc__ or "").strip().splitlines()
        if doc and not doc[0].startswith("Unknown keys"):
            out += [doc[0], ""]
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs, props = schema.get("$defs", {}), schema.get("properties", {})
        out += ["| Champ | Obligatoire | Type | Description |", "| --- | --- | --- | --- |"]
        for fname, field in model.model_fields.items():
            required = "oui" if field.is_required() else "non"
            desc = (field.description or "").replace("|", "\\|")
            kind = _label(props.get(fname, {}), defs).replace("|", "\\|")
            out.append(f"| `{fname}` | {required} | {kind} | {desc} |")
    return "\n".join(out) + "\n"


def generated_files(root: Path) -> dict[Path, str]:
    files = {root / SCHEMA_DIR / schema_name(name): json_schema(name) for name in ALL_FILES}
    files[root / REFERENCE] = reference_markdown()
    return files


def stale_generated(root: Path) -> list[Path]:
    """Generated files that differ from what the models give (the pre-commit and CI check)."""
    return [path for path, text in generated_files(root).items()
            if not path.exists() or path.read_text(encoding="utf-8") != text]


def write_generated(root: Path) -> list[Path]:
    written = []
    for path, text in generated_files(root).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
