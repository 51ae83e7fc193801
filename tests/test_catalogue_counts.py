"""The real catalogue holds what the guide implies: counts, tables, every printed e-mail."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from conftest import ROOT
from coopdec import load_catalogue

CAT = load_catalogue(ROOT / "data", ROOT)
GUIDE = ROOT.parent / "shared" / "seeds" / "004_bc77e98b1601b7f3.txt"


def test_ten_thematiques_and_eleven_zones_numbered_in_order():
    assert sorted(int(t.numero) for t in CAT.thematiques.values()) == list(range(1, 11))
    assert sorted(int(z.numero) for z in CAT.zones.values()) == list(range(1, 12))


def test_every_sous_thematique_belongs_to_its_numbered_thematique():
    for s in CAT.sous_thematiques.values():
        assert s.numero.split(".")[0] == CAT.thematiques[s.thematique].numero, s.id


def test_the_three_tables_are_complete():
    rows = Counter(p.tableau.tableau for p in CAT.programmes.values() if p.tableau)
    assert rows == {"daect": 10, "aimf": 5, "mutualisables": 9}
    kinds = Counter(p.genre for p in CAT.programmes.values() if p.tableau)
    assert kinds == {"cle-en-main-daect": 10, "cle-en-main-aimf": 5, "mutualisable": 9}


def test_countries_with_a_section():
    with_section = [p for p in CAT.pays.values() if p.contexte]
    assert len(with_section) >= 75
    for p in with_section:
        assert p.zone, p.id
        if p.genre == "pays":
            assert p.iso3, p.id


def test_one_contact_per_address_and_133_addresses():
    emails = [c.email.lower() for c in CAT.contacts.values()]
    assert len(emails) == len(set(emails))
    guide = [c for c in CAT.contacts.values() if c.source.document == "guide-2020"]
    assert len(guide) == 133


def test_glossary_has_the_guide_s_41_entries():
    assert sum(1 for s in CAT.sigles if s.glossaire) == 41


@pytest.mark.skipif(not GUIDE.exists(), reason="source documents not beside the repository")
def test_every_address_printed_in_the_guide_is_a_contact():
    text = GUIDE.read_text(encoding="utf-8")
    printed = {e.lower().rstrip(".") for e in re.findall(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", text)}
    data = {c.email.lower() for c in CAT.contacts.values()}
    assert printed - data == set(), "addresses printed in the guide with no contact record"
    assert len(printed) == 133


SEEDS = ROOT.parent / "shared" / "seeds"
DOCUMENTS = {"guide-2020": "004", "acter-2024": "000", "daect-panorama": "001", "cuf-brochure-2019": "002", "amf-memento-2020": "003"}


def _flat(text: str) -> str:
    return re.sub(r"[\s\u202f\u00a0]+", "", text).replace("’", "'").lower()


@pytest.fixture(scope="module")
def sources():
    if not SEEDS.exists():
        pytest.skip("source documents not beside the repository")
    return {doc: _flat(next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")) for doc, prefix in DOCUMENTS.items()}


def test_every_contact_address_is_printed_in_its_source(sources):
    missing = [(c.id, c.email) for c in CAT.contacts.values() if _flat(c.email) not in sources[c.source.document]]
    assert missing == []


def test_every_key_figure_is_printed_as_is_in_its_source(sources):
    missing = [(c.indicateur, c.valeur, c.source.document) for c in CAT.chiffres_cles if _flat(c.valeur) not in sources[c.source.document]]
    missing += [(s.id, p.valeur_imprimee, s.source.document) for s in CAT.series.values() for p in s.points
                if _flat(p.valeur_imprimee) not in sources[s.source.document]]
    assert missing == []
