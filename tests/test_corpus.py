"""Valid/invalid data corpora: a regression case is a folder plus a .expected file, no Python.

tests/data/invalid/<case>/ holds the data files that differ from tests/data/valid/data,
and optionally a content/ folder (pages added to tests/data/valid/content) and a
mkdocs.yml (its extra.catalogue settings); tests/data/invalid/<case>.expected is the
exact report the editor must read. Every case goes through `coopdec validate`'s whole
phase one (settings, data, pages, addresses): it must end in located French problems,
never in an exception.
"""

from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, TESTS, VALID
from coopdec import CatalogueError, load_catalogue
from coopdec.build import validate_project

INVALID = TESTS / "data" / "invalid"
CASES = sorted(p.name for p in INVALID.iterdir() if p.is_dir())


def test_there_are_cases():
    assert len(CASES) >= 40


def test_valid_fixture_loads():
    cat = load_catalogue(VALID / "data", VALID)
    assert sorted(cat.programmes) == ["aimf-eau", "bretagne-senegal"]


def test_real_data_is_valid():
    cat = load_catalogue(ROOT / "data", ROOT)
    assert cat.programmes and cat.contacts


@pytest.mark.parametrize("case", CASES)
def test_invalid_case(case, tmp_path, update_goldens):
    data, content = tmp_path / "data", tmp_path / "content"
    shutil.copytree(VALID / "data", data)
    shutil.copytree(VALID / "content", content)
    for overlay in (INVALID / case).iterdir():
        if overlay.name == "content":
            shutil.copytree(overlay, content, dirs_exist_ok=True)
        elif overlay.name == "mkdocs.yml":
            shutil.copy2(overlay, tmp_path / "mkdocs.yml")
        else:
            shutil.copy2(overlay, data / overlay.name)
    with pytest.raises(CatalogueError) as err:
        validate_project(tmp_path, content, data, tmp_path / "mkdocs.yml")
    report = err.value.report() + "\n"
    expected = INVALID / f"{case}.expected"
    if update_goldens:
        expected.write_text(report, encoding="utf-8")
    assert report == expected.read_text(encoding="utf-8")
