"""The four readers' tasks of issue #12, done only by clicking visible links from the home page.

Each task opens `index.html` once, then follows links a reader can see (no address typed
after the home page), on a desktop and on a phone, served on loopback with the network
blocked. It must end on a page with a name or service to contact, or a clear next step,
and the status of any call involved.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser

SCREENS = {"bureau": (1366, 900), "telephone": (390, 844)}


@pytest.fixture(params=list(SCREENS))
def reader(request, page, served_site):
    w, h = SCREENS[request.param]
    page.set_viewport_size({"width": w, "height": h})
    page.goto(f"{served_site}/index.html")
    yield page
    assert page.console_errors == [] and page.external_requests == []


def follow(page, name):
    """Click the first link of the page's content that a reader sees with this name, and wait for the next page."""
    links = page.locator("article").get_by_role("link", name=name, exact=isinstance(name, str))
    visible = [links.nth(i) for i in range(links.count()) if links.nth(i).is_visible()]
    assert visible, f"aucun lien visible « {name} » sur {page.url}"
    before = page.url
    visible[0].scroll_into_view_if_needed()
    visible[0].click()
    page.wait_for_function("u => location.href !== u", arg=before)
    page.wait_for_load_state()


def seen(page, text):
    return page.locator("article").get_by_text(text, exact=False).first.is_visible()


def visible_mailtos(page):
    return [e for e in page.locator("article a[href^='mailto:']").all() if e.is_visible()]


def test_a_commune_near_lyon_finds_a_water_project_in_west_africa_and_someone_to_write_to(reader):
    follow(reader, "1.2 Eau/assainissement")
    follow(reader, re.compile(r"^Afrique de l'Ouest \(\d+\)$"))  # the theme's programmes in that geography
    reader.wait_for_function("document.querySelector('.cd-resultats tbody tr') !== null")
    results = reader.locator(".cd-resultats")
    assert results.get_by_role("link", name="Fonds eau du Grand Lyon").is_visible()  # the fund next door
    follow(reader, "Eau et assainissement avec l'AIMF")
    assert reader.url.endswith("programmes/aimf-eau-assainissement.html")
    assert seen(reader, "Tous pays membres de l'AIMF")
    assert [m.get_attribute("href") for m in visible_mailtos(reader)] == ["mailto:sp@aimf.asso.fr"]


def test_the_daect_call_for_projects_shows_its_rates_deadline_and_status(reader):
    follow(reader, "Financements")
    follow(reader, "Appels à projets de la DAECT")
    assert reader.url.endswith("programmes/daect-appels-a-projets.html")
    assert seen(reader, "clôturé (échéance : 31 juillet 2020)")  # status computed from the dates
    taux = reader.locator("article tr", has_text="Taux et montants").first
    assert taux.is_visible() and all(t in taux.inner_text() for t in ("30 %", "50 %", "70 %"))
    assert "secretariat.dgm-aect@diplomatie.gouv.fr" in [m.inner_text() for m in visible_mailtos(reader)]


def test_the_regional_diplomatic_adviser_for_bretagne(reader):
    follow(reader, "Dans votre région")
    follow(reader, "Bretagne")
    assert reader.url.endswith("regions/bretagne.html")
    assert seen(reader, "Conseillère diplomatique en région (Bretagne)")
    follow(reader, "Aurélia Bouchez")
    assert [m.inner_text() for m in visible_mailtos(reader)] == ["aurelia.bouchez@diplomatie.gouv.fr"]


def test_the_french_authorities_already_working_with_madagascar(reader):
    follow(reader, "Géographies")
    follow(reader, "Madagascar")
    assert reader.url.endswith("pays/madagascar.html")
    assert reader.get_by_role("heading", name="Qui coopère déjà avec ce pays ?").is_visible()
    table = reader.locator("article table", has=reader.locator("th", has_text="Côté français"))
    rows = table.locator("tbody tr")
    assert rows.count() >= 4 and rows.first.is_visible()
    assert seen(reader, "Région Grand Est")
    assert seen(reader, "Cette liste est partielle")  # says plainly what is missing, and where to look
    assert reader.locator("article").get_by_role("link", name=re.compile("^Atlas français")).first.is_visible()
    assert any("diplomatie.gouv.fr" in m.inner_text() for m in visible_mailtos(reader))  # the embassy, the DAECT
