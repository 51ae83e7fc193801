"""Open data: every export validates against its TableSchema; no named person in bulk exports by default."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import ROOT
from coopdec import load_catalogue
from coopdec.exports import TABLES, ExportSettings, export_files

CAT = load_catalogue(ROOT / "data", ROOT)
FILES = export_files(CAT, ExportSettings(), "2024-11")


def validate(schema: dict, rows: list[dict[str, str]], header: list[str]) -> list[str]:
    """TableSchema checks for what our schemas use: field order, required, type, pattern, enum, primary key."""
    errors = []
    names = [f["name"] for f in schema["fields"]]
    if header != names:
        errors.append(f"en-tête {header} ≠ {names}")
    seen = set()
    for n, row in enumerate(rows, start=2):
        for f in schema["fields"]:
            value, c = row.get(f["name"], ""), f.get("constraints", {})
            value = "" if value is None else value
            if value == "":
                if c.get("required"):
                    errors.append(f"ligne {n} : {f['name']} obligatoire")
                continue
            text = value if isinstance(value, str) else json.dumps(value)
            if f["type"] == "boolean" and text not in ("true", "false"):
                errors.append(f"ligne {n} : {f['name']} n'est pas un booléen ({text})")
            if f["type"] == "integer" and not re.fullmatch(r"-?\d+", text):
                errors.append(f"ligne {n} : {f['name']} n'est pas un entier")
            if "pattern" in c and not re.fullmatch(c["pattern"], text):
                errors.append(f"ligne {n} : {f['name']} « {text} » hors motif {c['pattern']}")
            if "enum" in c and text not in c["enum"]:
                errors.append(f"ligne {n} : {f['name']} « {text} » hors liste")
        key = row.get(schema.get("primaryKey") or "")
        if key in seen:
            errors.append(f"ligne {n} : clé primaire répétée {key}")
        seen.add(key)
    return errors


@pytest.mark.parametrize("table", [t.name for t in TABLES])
def test_csv_and_json_validate_against_their_tableschema(table):
    schema = json.loads(FILES[f"{table}.schema.json"])
    reader = csv.DictReader(io.StringIO(FILES[f"{table}.csv"]))
    rows = list(reader)
    assert rows, table
    assert validate(schema, rows, reader.fieldnames) == []
    json_rows = json.loads(FILES[f"{table}.json"])
    as_text = [{k: ("true" if v is True else "false" if v is False else v) for k, v in r.items()} for r in json_rows]
    assert validate(schema, as_text, list(json_rows[0])) == []
    assert as_text == rows  # the two formats carry the same table


def test_datapackage_lists_every_table_under_licence_ouverte():
    package = json.loads(FILES["datapackage.json"])
    assert package["licenses"][0]["name"] == "etalab-2.0"
    for resource in package["resources"]:
        assert resource["path"] in FILES and resource["schema"] in FILES


def test_no_named_person_in_bulk_exports_by_default():
    contacts = json.loads(FILES["contacts.json"])
    assert contacts and all(c["fonctionnel"] is True and c["nom"] == "" for c in contacts)
    persons = {c.email for c in CAT.contacts.values() if not c.fonctionnel}
    programmes = FILES["programmes.csv"] + FILES["programmes.json"]
    assert not [e for e in persons if e in programmes]
    with_persons = export_files(CAT, ExportSettings(exports_personnes=True), "2024-11")
    assert len(json.loads(with_persons["contacts.json"])) == len(CAT.contacts)


def test_exports_are_published_at_stable_addresses(built_site):
    for name in FILES:
        assert (built_site / "donnees" / name).read_bytes().decode("utf-8") == FILES[name]
