"""Editors' notes stay in the data and in `coopdec rapport`, never on a reader's page."""

from __future__ import annotations

import html
import re
import subprocess
import sys

from conftest import ROOT
from coopdec import load_catalogue
from coopdec.rapport import editor_notes

# What an extraction note looks like to a reader: none of these may reach a page.
MARKERS = re.compile(
    r"titre déduit|pages? déduites?|pages? estimées?|texte extrait|casse (?:restaurée|restituée|altérée)"
    r"|unité imprimée|sauts de page|note_editeur|titre_infere", re.IGNORECASE)
_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.DOTALL | re.IGNORECASE)


def page_text(path) -> str:
    """Visible text of a built page (scripts, styles and tags dropped), whitespace folded."""
    text = html.unescape(_TAG.sub(" ", path.read_text(encoding="utf-8")))
    return " ".join(text.replace("’", "'").split())


def test_report_lists_every_note_with_its_line():
    notes = editor_notes(ROOT / "data", ROOT)
    assert len(notes) > 400
    lines = {n.path: (ROOT / n.path).read_text(encoding="utf-8").splitlines() for n in notes}
    for n in notes:
        assert n.record and n.note
        assert "note_editeur" in lines[n.path][n.line - 1] or "titre_infere" in lines[n.path][n.line - 1], n.format()
    assert any(n.record == "numerique" and "CitieS Forum" in n.note for n in notes)
    assert any(n.record == "jeunesse" and "titre déduit" in n.note for n in notes)


def test_rapport_command_prints_file_line_record_note():
    out = subprocess.run([sys.executable, "-m", "coopdec", "--root", str(ROOT), "rapport"],
                         capture_output=True, text=True, check=True).stdout
    assert re.search(r"^data/contacts\.yaml:\d+: [a-z0-9-]+ : .+", out, re.MULTILINE)
    assert out.rstrip().endswith("notes d'éditeurs (jamais publiées sur le site).")


def _record_ids() -> set[str]:
    """Ids that look like ids (two hyphens or more): a reader should never meet one as text."""
    cat = load_catalogue(ROOT / "data", ROOT)
    ids: set[str] = set()
    for table in (cat.programmes, cat.contacts, cat.organisations, cat.pays, cat.zones):
        ids |= {i for i in table if i.count("-") >= 2}
    return ids


_ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")


def test_no_editor_note_reaches_a_page(built_site):
    ids = _record_ids()
    notes = {" ".join(n.note.replace("’", "'").split()) for n in editor_notes(ROOT / "data", ROOT)}
    long_notes = [n for n in notes if len(n) >= 40]
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 500
    found = []
    for path in pages:
        if path.parent.name == "cartes" or "assets" in path.parts:
            continue
        text = page_text(path)
        hit = MARKERS.search(text) or re.search(r"[^.]\.\.(?![./])", text)
        if hit:
            found.append(f"{path.relative_to(built_site)}: « {text[max(0, hit.start() - 40):hit.end() + 40]} »")
        found += [f"{path.relative_to(built_site)}: note « {n[:60]} »" for n in long_notes if n in text]
        words = set(re.findall(r"\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b", _ADDRESS.sub(" ", text)))
        found += [f"{path.relative_to(built_site)}: identifiant interne « {w} »" for w in sorted(words & ids)]
    assert not found, "\n".join(found[:30])
