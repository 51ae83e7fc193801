"""The committed JSON Schemas and data-format reference match the models."""

import json

import jsonschema_check
from conftest import ROOT
from coopdec.models import DATA_FILES, OPTIONAL_FILES
from coopdec.schema import generated_files
from coopdec.yamlpos import load_yaml_file

PRESENT = [n for n in {**DATA_FILES, **OPTIONAL_FILES} if (ROOT / "data" / n).exists()]


def test_generated_files_are_up_to_date():
    stale = [str(p.relative_to(ROOT)) for p, text in generated_files(ROOT).items()
             if not p.exists() or p.read_text(encoding="utf-8") != text]
    assert not stale, f"fichiers générés périmés : {stale} ; lancez `make schemas` et commitez le résultat"


def test_every_data_file_declares_its_schema_for_editors():
    for name in PRESENT:
        first = (ROOT / "data" / name).read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schemas/{name.replace('.yaml', '.schema.json')}", name


def test_real_data_validates_against_the_json_schemas():
    """The schema editors get is the one the build enforces (same models)."""
    for name in PRESENT:
        schema = json.loads((ROOT / "schemas" / name.replace(".yaml", ".schema.json")).read_text())
        doc, problems = load_yaml_file(ROOT / "data" / name, name)
        assert not problems
        errors = jsonschema_check.errors(schema, doc.data)
        assert errors == [], (name, errors[:3])


def test_schema_rejects_unknown_keys_and_bad_ids():
    schema = json.loads((ROOT / "schemas" / "programmes.schema.json").read_text())
    bad = {"programmes": [{"id": "Pas Un Slug", "telephon": "x"}]}
    messages = " ".join(jsonschema_check.errors(schema, bad))
    assert "telephon" in messages and "Pas Un Slug" in messages
