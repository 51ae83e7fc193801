"""Reader-facing behaviour in headless Chromium: charts drawn, France map, legend on a phone, explorer, narrow screens."""

from __future__ import annotations

import pytest

from conftest import ROOT
from coopdec import load_catalogue

pytestmark = pytest.mark.browser
CAT = load_catalogue(ROOT / "data", ROOT)

# Page types a phone reader meets; none may scroll sideways outside an explicit scroll container.
NARROW_PAGES = ["index.html", "chiffres-cles.html", "geographies/index.html", "geographies/sahel.html", "pays/madagascar.html",
                "pays/senegal.html", "programmes/index.html", "programmes/daect-appels-a-projets.html",
                "programmes/aimf-eau-assainissement.html", "programmes/explorateur.html", "contacts/index.html",
                "contacts/explorateur.html", "contacts/lucas-giboin.html", "s-engager/financements.html", "acter.html",
                "regions/index.html",
                "regions/corse.html", "geographies/partenaires-recherches.html", "glossaire.html",
                "regions/bretagne.html", "thematiques/index.html", "thematiques/eau-assainissement.html",
                "organisations/daect.html", "odd/index.html", "odd/6.html", "pourquoi/index.html",
                "pourquoi/implication-population.html", "questions.html", "s-engager/cadre-juridique.html",
                "s-engager/etapes.html", "s-engager/reseaux.html", "a-propos/telechargement.html",
                "a-propos/donnees.html", "404.html"]


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    pg = context.new_page()
    yield pg
    context.close()


def test_every_chart_has_a_rendered_width(page, served_site):
    page.goto(f"{served_site}/chiffres-cles.html")
    widths = page.eval_on_selector_all("figure.cd-graphique svg", "els => els.map(e => e.getBoundingClientRect().width)")
    assert len(widths) == len(CAT.series) and len(widths) >= 13
    assert min(widths) > 200, widths


def test_charts_fit_a_phone(phone, served_site):
    phone.goto(f"{served_site}/chiffres-cles.html")
    widths = phone.eval_on_selector_all("figure.cd-graphique svg", "els => els.map(e => e.getBoundingClientRect().width)")
    assert min(widths) > 250 and max(widths) <= 390


def test_france_map_names_and_links_every_region_overseas_included(page, served_site):
    page.goto(f"{served_site}/cartes/france.html")
    page.locator("a.cd-etiquette").first.wait_for(timeout=15000)
    links = page.eval_on_selector_all("a.cd-etiquette", "els => els.map(e => [e.textContent, e.getAttribute('href')])")
    assert sorted(h for _, h in links) == sorted(f"../regions/{r}.html" for r in CAT.regions)
    assert {t for t, _ in links} >= {"Guadeloupe", "Martinique", "Guyane", "La Réunion", "Mayotte", "Corse"}
    visible = page.eval_on_selector_all("a.cd-etiquette", """els => els.filter(e => { const r = e.getBoundingClientRect();
        return r.width > 0 && r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight; }).length""")
    assert visible == 18  # names shown on the map, not only on hover
    page.locator("a.cd-etiquette", has_text="Bretagne").click()
    page.wait_for_url("**/regions/bretagne.html")


@pytest.mark.parametrize("path", ["cartes/monde.html", "cartes/zone-sahel.html", "cartes/france.html"])
def test_legend_does_not_cover_the_map_on_a_phone(phone, served_site, path):
    phone.set_viewport_size({"width": 358, "height": 416})  # the map's frame in a 390 px page
    phone.goto(f"{served_site}/{path}")
    phone.locator(".cd-legende").wait_for(timeout=15000)
    box = phone.locator(".cd-legende").bounding_box()
    assert box["width"] * box["height"] < 0.06 * 358 * 416, box
    phone.locator(".cd-legende summary").click()  # still readable on demand
    assert phone.locator(".cd-legende span").first.is_visible()


def test_zone_map_is_painted_down_to_its_southern_edge(page, served_site):
    """The Sahel's southernmost country (Burkina Faso, down to 9.4° N) is drawn: the canvas has colour there."""
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(f"{served_site}/cartes/zone-sahel.html")
    page.locator("a.cd-lien-pays").first.wait_for(timeout=15000)
    page.wait_for_timeout(300)
    colour = page.evaluate("""() => { const r = map_0.getRenderer(Object.values(map_0._layers).find(l => l.feature));
        const lp = map_0.latLngToLayerPoint([10.2, -3.5]), m = r._bounds.min, s = r._container.width / (r._bounds.max.x - m.x);
        return Array.from(r._ctx.getImageData(Math.round((lp.x - m.x) * s), Math.round((lp.y - m.y) * s), 1, 1).data); }""")
    assert colour[3] > 0, colour  # painted (the sea is the page background, the canvas is transparent there)


def test_explorer_keeps_records_open_to_every_country_under_every_geography(page, served_site):
    for zone in sorted(CAT.zones):
        page.goto(f"{served_site}/programmes/explorateur.html#thematique=eau-assainissement&zone={zone}")
        page.wait_for_function("document.querySelector('.cd-resultats tbody tr') !== null")
        rows = page.locator(".cd-resultats tbody tr", has=page.locator("a[href$='programmes/aimf-eau-assainissement.html']"))
        assert rows.count() == 1, zone
        assert rows.locator(".cd-tous").count() == 1  # marked as open to every country


def test_explorer_sorts_and_exports_the_selection(page, served_site):
    page.goto(f"{served_site}/programmes/explorateur.html#thematique=eau-assainissement")
    page.wait_for_function("document.querySelector('.cd-resultats tbody tr') !== null")
    page.select_option("#cd-tri", "type")
    types = page.eval_on_selector_all(".cd-resultats tbody tr td:nth-child(2)", "els => els.map(e => e.textContent)")
    assert types == sorted(types, key=lambda s: s.lower().replace("«", "").strip()) or types[0] <= types[-1]
    with page.expect_download() as download:
        page.click(".cd-csv")
    text = open(download.value.path(), encoding="utf-8-sig").read()
    lines = text.strip().splitlines()
    assert lines[0] == "programme,type,destination,ouvert_a_tous_les_pays,porteurs,adresse"
    assert len(lines) - 1 == int(page.locator(".cd-compte").inner_text().split()[0])


@pytest.mark.parametrize("path", NARROW_PAGES)
def test_no_page_scrolls_sideways_on_a_phone(phone, served_site, path):
    phone.goto(f"{served_site}/{path}")
    phone.wait_for_timeout(200)
    overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1, f"{path} is {overflow} px wider than the screen"


def test_call_status_is_shown_on_the_programme_page(page, served_site):
    page.goto(f"{served_site}/programmes/daect-appels-a-projets.html")
    assert page.get_by_text("clôturé (échéance : 31 juillet 2020)").first.is_visible()


@pytest.mark.parametrize("width, small", [(358, True), (1366, False)])
def test_country_dots_shrink_when_the_world_is_small(phone, served_site, width, small):
    """Zoomed out to fit a phone, a 12 px dot per country hid all of Africa and Europe: the dots shrink there."""
    phone.set_viewport_size({"width": width, "height": 416 if small else 900})
    phone.goto(f"{served_site}/cartes/monde.html")
    phone.locator("a.cd-lien-pays").first.wait_for(timeout=15000)
    phone.wait_for_load_state("load")
    phone.wait_for_timeout(500)  # the map is fitted at `load`, and again 150 ms after a resize
    sizes = phone.eval_on_selector_all("a.cd-lien-pays", "els => els.map(e => e.getBoundingClientRect().width)")
    assert (max(sizes) <= 7) if small else (min(sizes) >= 11), sizes[:5]
