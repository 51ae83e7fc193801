"""Parts I-II and the companion documents: what a reader must find on the pages."""

from __future__ import annotations

import re
from collections import defaultdict

from conftest import ROOT
from coopdec import load_catalogue

CAT = load_catalogue(ROOT / "data", ROOT)


def test_five_reasons_with_their_examples():
    assert sorted(int(r.numero) for r in CAT.raisons.values()) == [1, 2, 3, 4, 5]
    assert sum(1 for e in CAT.exemples.values() if e.raison) >= 40
    assert all(CAT.exemples_par_raison.get(r) for r in CAT.raisons)


def test_disagreeing_headline_figures_are_all_kept_with_their_source():
    values = defaultdict(set)
    for c in CAT.chiffres_cles:
        values[c.indicateur].add((c.valeur.replace(" ", "").replace("\u202f", ""), c.source.document))
    engaged = {v for v, _ in values["collectivites-engagees"]}
    assert {"4700", "4729", "4770"} <= engaged, engaged
    assert {"10440", "10531", "11600"} <= {v for v, _ in values["partenariats"]}
    assert {"134", "135", "138"} <= {re.sub(r"\D", "", v) for v, _ in values["pays-partenaires"]}


def test_the_chiffres_page_shows_every_value_and_flags_disagreement(built_site):
    html = (built_site / "chiffres-cles.html").read_text(encoding="utf-8")
    flat = re.sub(r"(?<=\d)[\s\u202f]|&nbsp;|&#8239;", "", html)
    for value in ("4729", "4770", "10531", "11600"):
        assert f"<strong>{value}</strong>" in flat, value
    assert html.count("Les sources divergent") >= 3
    assert '<svg viewBox="0 0 480' in html and 'role="img"' in html


def test_acter_models_side_by_side(built_site):
    assert sorted(m.nom for m in CAT.modeles.values()) == ["ASTRE", "CIMOB", "CLIMAPART", "COSMIN", "HUMANIS"]
    assert len(CAT.constats) == 10
    html = (built_site / "acter.html").read_text(encoding="utf-8")
    assert all(f'id="{m}"' in html for m in ("humanis", "cosmin", "cimob", "climapart", "astre"))


def test_memento_contacts_are_linked_to_french_regions():
    advisers = [c for c in CAT.contacts.values() if CAT.organisations[c.organisation].id.startswith("prefecture-region-")]
    assert len(advisers) == 14
    assert all(c.regions for c in advisers)
    renamed = [o for o in CAT.organisations.values() if o.genre == "reseau-regional" and o.autres_noms]
    assert renamed, "networks named differently by the mémento and the guide show both names"


def test_legal_frame_steps_and_funding():
    assert any("L. 1115-1" in t.reference or "L.1115-1" in t.reference for t in CAT.textes.values())
    assert len(CAT.etapes) >= 4
    funding = [p for p in CAT.programmes.values() if p.genre in ("appel-a-projets", "fonds", "programme-europeen")]
    assert len(funding) >= 25 and any(p.taux for p in funding)


def test_examples_appear_on_country_pages(built_site):
    example = next(e for e in CAT.exemples.values() if e.pays)
    html = (built_site / "pays" / f"{example.pays[0]}.html").read_text(encoding="utf-8")
    assert "Exemples cités" in html
