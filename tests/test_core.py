"""The core: engine-free, deterministic, linear, safe with text."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import ROOT, VALID, copy_project
from coopdec.build import Project
from coopdec.models import Programme
from coopdec.text import cle_fr, date_fr, fold


def test_core_never_imports_mkdocs():
    code = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from coopdec.build import Project
        import coopdec.cli, coopdec.publish, coopdec.schema
        Project.load(Path({str(ROOT)!r})).write_pages(Path({str(ROOT)!r}) / "build" / "isolation-check")
        loaded = [m for m in sys.modules if m == "mkdocs" or m.startswith("mkdocs.") or m.startswith("material")]
        print(loaded)
        sys.exit(1 if loaded else 0)
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_generated_pages_are_deterministic():
    first = Project.load(ROOT).pages
    second = Project.load(ROOT).pages
    assert [(p.path, p.markdown) for p in first] == [(p.path, p.markdown) for p in second]
    assert [p.path for p in first] == sorted(p.path for p in first)


def test_generate_command_writes_every_page(tmp_path):
    from coopdec.cli import main

    project = copy_project(tmp_path, VALID / "data", VALID / "content")
    out = tmp_path / "out"
    assert main(["--root", str(project), "generate", "--out", str(out)]) == 0
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    assert "programmes/aimf-eau.md" in written and "pays/mali.md" in written and "index.md" in written
    assert "catalogue:" not in (out / "programmes" / "index.md").read_text()


def test_french_collation():
    names = ["Espagne", "Égypte", "Croatie", "Émirats", "Allemagne", "Œuvre", "côte"]
    assert sorted(names, key=cle_fr) == ["Allemagne", "côte", "Croatie", "Égypte", "Émirats", "Espagne", "Œuvre"]


def test_fold_and_dates():
    assert fold("Sénégal Côte d’Ivoire ŒUVRE") == "senegal cote d’ivoire oeuvre"
    assert [date_fr("2020"), date_fr("2020-10"), date_fr("2020-10-01")] == ["2020", "octobre 2020", "1er octobre 2020"]


def test_markdown_validation_refuses_script_handlers_and_js_links():
    import pytest
    from pydantic import ValidationError

    base = dict(id="x", titre="t", genre="autre", destination="d", thematique_libelle="t",
                source={"document": "guide"}, mis_a_jour="2020")
    for bad in ["<script>x</script>", "<a href='#' onclick='x()'>a</a>", "[a](javascript:alert(1))",
                "[a]( JavaScript:alert(1))", "[a][r]\n\n[r]: vbscript:x", "<JAVASCRIPT:alert(1)>"]:
        with pytest.raises(ValidationError):
            Programme(**base, description=bad)
    ok = Programme(**base, description="Voir [le site](https://example.org) et [l'e-mail](mailto:a@b.fr), 5 < 6.")
    assert ok.description.endswith("5 < 6.")
