"""The offline edition: the zip, unzipped anywhere and opened from file:// with the network blocked."""

from __future__ import annotations

import re
import zipfile

import pytest

from coopdec.publish import ZIP_FOLDER, write_zip
from test_browser import type_query

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def unzipped(built_site, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    archive = write_zip(built_site, folder / "edition.zip")
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        assert all(n.startswith(ZIP_FOLDER + "/") for n in names)
        zf.extractall(folder / "unzipped")
    return folder / "unzipped" / ZIP_FOLDER


def test_zip_is_deterministic(built_site, tmp_path):
    a = write_zip(built_site, tmp_path / "a.zip").read_bytes()
    b = write_zip(built_site, tmp_path / "b.zip").read_bytes()
    assert a == b


@pytest.mark.parametrize("query, expected", [("senegal", "pays/senegal.html"), ("sp@aimf.asso.fr", "contacts/aimf-sp.html"),
                                             ("Giboin", "contacts/lucas-giboin.html"), ("burkina fasso", "pays/burkina-faso.html"),
                                             ("énergies", "thematiques/energie.html"), ("ODD 11", "odd/11.html")])
def test_search_works_from_file_with_no_network(page, unzipped, query, expected):
    page.goto((unzipped / "index.html").as_uri())
    hrefs = type_query(page, query)
    assert hrefs and hrefs[0].split("?")[0].endswith(expected), hrefs[:5]
    assert page.external_requests == [] and page.console_errors == []


def test_a_late_word_gets_its_snippet_from_file(page, unzipped):
    page.goto((unzipped / "index.html").as_uri())
    hrefs = type_query(page, "osnabruck")  # the rest of a long text, loaded by the file:// shim
    assert hrefs and "pourquoi/implication-population.html" in hrefs[0], hrefs[:3]
    assert "<mark>Osnabrück</mark>" in page.locator(".md-search-result__item").first.locator(".cd-resultat__extrait").first.inner_html()
    assert page.external_requests == [] and page.console_errors == []


def _open_map(page, title):
    """Maps load on demand: the page opens without them, the reader asks (keyboard: Enter on the link)."""
    page.wait_for_load_state("load")
    loaded = page.evaluate("performance.getEntriesByType('resource').map(e => e.name)")
    assert page.locator(".cd-carte iframe").count() == 0 and not [u for u in loaded if "leaflet" in u or "/cartes/" in u], loaded
    link = page.locator(f"a.cd-carte-ouvrir[data-titre='{title}']")
    assert link.get_attribute("href").endswith(".html")  # without script, the map's own page
    link.focus()
    page.keyboard.press("Enter")
    return page.locator(f"iframe[title='{title}']")


def test_country_map_draws_and_its_links_lead_to_records(page, unzipped):
    page.goto((unzipped / "pays" / "mali.html").as_uri())
    frame_el = _open_map(page, "Carte : Mali")
    assert page.evaluate("document.activeElement.tagName") == "IFRAME"  # keyboard: the focus goes to the map
    frame = frame_el.content_frame
    frame.locator("canvas").first.wait_for(timeout=15000)  # shapes are drawn on a canvas (see cartes.js)
    assert frame.locator("a.cd-lien-pays").count() == 5  # Mali and the other Sahel countries, as links
    links = frame.locator(".cd-icone a")
    assert links.count() >= 5
    niger = frame.locator(".cd-icone a[title='Niger']")
    niger.focus()  # keyboard: each country is a real link
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/pays/niger\.html$"))
    assert page.external_requests == [] and page.console_errors == []


def test_world_map_on_the_home_page(page, unzipped):
    page.goto((unzipped / "index.html").as_uri())
    frame = _open_map(page, "Carte du monde des pays du catalogue").content_frame
    frame.locator("canvas").first.wait_for(timeout=15000)
    assert frame.locator("a.cd-lien-pays").count() >= 60
    assert page.external_requests == [] and page.console_errors == []


def test_online_map_page_makes_no_external_request(page, served_site):
    page.goto(f"{served_site}/regions/index.html")
    frame = _open_map(page, "Carte de France des régions, outre-mer compris, avec leurs réseaux et contacts").content_frame
    frame.locator("a.cd-etiquette").first.wait_for(timeout=15000)
    assert page.external_requests == [] and page.console_errors == []


def test_a_browser_without_resizeobserver_gets_the_local_polyfill(page, unzipped):
    page.add_init_script("delete window.ResizeObserver;")
    loaded = []
    page.on("request", lambda r: loaded.append(r.url))
    page.goto((unzipped / "pays" / "mali.html").as_uri())
    page.wait_for_function("typeof window.ResizeObserver === 'function'", timeout=15000)
    assert any(u.endswith("assets/vendor/resize-observer-polyfill/ResizeObserver.js") for u in loaded)
    assert page.external_requests == [] and page.console_errors == []
