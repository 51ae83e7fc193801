"""Real headless Chromium against the built site on loopback: search as French readers type, and the reader's path."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def _path(href):
    return href.split("#")[0].split("?")[0]


def _h1(page):
    return page.locator("h1").first.evaluate("e => e.innerText.replace('¶', '').trim()")


def search(page, base, query):
    """Type a query as a reader would and return the result links once they match the whole query."""
    page.goto(f"{base}/index.html")
    box = page.locator("input.md-search__input")
    box.click()
    page.wait_for_timeout(1000)  # Material ignores input while its worker is still building the index
    box.fill(query)
    results = page.locator(".md-search-result__item > a.md-search-result__link")
    highlight = "h=" + "+".join(t.lower() for t in re.split(r"[\s@.'’-]+", query) if t)
    for _ in range(10):  # wait for the results of the full query, typing one more key if nothing comes
        try:
            page.wait_for_function(
                "h => { const a = document.querySelector('.md-search-result__item > a.md-search-result__link');"
                " return a && a.href.includes(h); }", arg=highlight, timeout=3000)
            break
        except Exception:
            box.press("End")
            box.press("Space")
            box.press("Backspace")
    return [results.nth(i).get_attribute("href") for i in range(min(results.count(), 8))]


@pytest.mark.parametrize("query, expected", [
    ("senegal", "pays/senegal.html"),
    ("energie", "thematiques/energie.html"),
    ("Giboin", "contacts/lucas-giboin.html"),
    ("sp@aimf.asso.fr", "contacts/aimf-sp.html"),
    ("Lianes", "programmes/lianes-cooperation-mali.html"),
    ("guyomarch", "contacts/armelle-guyomarch.html"),
])
def test_search_finds_the_record(page, served_site, query, expected):
    hrefs = search(page, served_site, query)
    assert any(_path(h).endswith(expected) for h in hrefs[:3]), (query, hrefs)
    assert page.external_requests == [] and page.console_errors == []


def test_unaccented_and_after_apostrophe(page, served_site):
    assert search(page, served_site, "cooperation")  # « coopération »
    search(page, served_site, "afrique")
    # Material highlights the matched words: « Afrique » is highlighted right after an apostrophe.
    html = " ".join(page.locator(".md-search-result__article").evaluate_all("els => els.map(e => e.innerHTML)"))
    assert re.search(r"[’']<mark[^>]*>Afrique</mark>", html), html[:500]


def test_search_result_leads_to_the_record(page, served_site):
    hrefs = search(page, served_site, "senegal")
    assert any(_path(h).endswith("pays/senegal.html") for h in hrefs[:3]), hrefs
    page.locator(".md-search-result__item > a.md-search-result__link[href*='pays/senegal.html']").first.click()
    page.wait_for_url("**/pays/senegal.html*")
    assert _h1(page) == "Sénégal"


def test_reader_path_from_home_to_mali_by_links(page, served_site):
    page.goto(f"{served_site}/index.html")
    page.get_by_role("link", name="Thématiques", exact=True).first.click()
    page.locator("article").get_by_role("link", name="1.2 Eau/assainissement").first.click()
    page.locator("article").get_by_role("link", name="Eau et assainissement avec l'AIMF").first.click()
    assert _h1(page) == "Eau et assainissement avec l'AIMF"
    page.locator("article").get_by_role("link", name="AIMF : sp@aimf.asso.fr").first.click()
    page.locator("article").get_by_role("link", name="Mali", exact=True).first.click()
    assert _h1(page) == "Mali"
    assert page.external_requests == [] and page.console_errors == []


def test_search_is_usable_with_the_keyboard(page, served_site):
    page.goto(f"{served_site}/index.html")
    page.keyboard.press("/")  # Material's shortcut focuses the search box
    page.keyboard.type("tcha")
    page.wait_for_timeout(1500)  # let the worker finish building the index, then type the last letter
    page.keyboard.type("d")
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    first.wait_for(timeout=30000)
    assert _path(first.get_attribute("href")).endswith("pays/tchad.html")  # the country page ranks first
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pays/tchad.html*")
