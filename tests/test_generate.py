"""`coopdec generate --out`: everything another engine would need, byte for byte what MkDocs publishes."""

from __future__ import annotations

import shutil

import yaml

from conftest import ROOT, VALID, copy_project
from coopdec.build import Project
from coopdec.generate import read_nav, write_source_folder


def test_generate_writes_what_the_mkdocs_build_publishes(built_site, tmp_path):
    out = tmp_path / "out"
    written = write_source_folder(Project.load(ROOT), out)
    assert {"pages", "fichiers", "navigation", "cartes", "donnees"} <= set(written)
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())

    pages = [f for f in files if f.endswith(".md")]
    assert len(pages) > 600
    missing = [f for f in pages if not (built_site / f.replace(".md", ".html")).exists()]
    assert not missing, missing[:10]
    assert "<!-- catalogue:" not in (out / "programmes" / "index.md").read_text(encoding="utf-8")

    # Every other file is exactly what the MkDocs build ships at the same address.
    others = [f for f in files if not f.endswith(".md") and f != "nav.yml"]
    kinds = {f.split("/")[0] for f in others}
    assert {"cartes", "donnees", "licences", "assets"} <= kinds
    for needed in ("assets/catalogue/donnees-programmes.js", "assets/catalogue/donnees-contacts.js",
                   "assets/catalogue/explorateur.js", "assets/vendor/leaflet/leaflet.js",
                   "assets/cartes/fond.js", "assets/vendor/iframe-worker/shim.js", "cartes/monde.html",
                   "donnees/datapackage.json", "licences/LISEZMOI.txt", "assets/catalogue.css",
                   "assets/recherche/recherche.js", "assets/recherche/analyse.js"):
        assert needed in others, needed
    differ = [f for f in others if (built_site / f).read_bytes() != (out / f).read_bytes()]
    assert not differ, differ[:10]


def test_generated_nav_is_the_expanded_mkdocs_nav(tmp_path):
    project = Project.load(ROOT)
    write_source_folder(project, tmp_path)
    nav = yaml.safe_load((tmp_path / "nav.yml").read_text(encoding="utf-8"))["nav"]
    assert nav == project.nav(read_nav(ROOT))
    themes = next(entry["Thématiques"] for entry in nav if "Thématiques" in entry)
    assert len(themes) == 11  # the index page and the ten thématiques, expanded from data


def test_generate_writes_the_redirects_of_renamed_records(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(VALID / "data", data)
    programmes = data / "programmes.yaml"
    programmes.write_text(programmes.read_text(encoding="utf-8").replace(
        "  - id: aimf-eau\n", "  - id: aimf-eau-potable\n    anciens_ids: [aimf-eau]\n", 1), encoding="utf-8")
    project = copy_project(tmp_path, data, VALID / "content")
    out = tmp_path / "out"
    write_source_folder(Project.load(project), out)
    assert "url=aimf-eau-potable.html" in (out / "programmes" / "aimf-eau.html").read_text(encoding="utf-8")
    assert (out / "programmes" / "aimf-eau-potable.md").exists()
