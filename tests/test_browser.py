"""Real headless Chromium against the built site on loopback: search as French readers type, and the reader's path."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser


def _path(href):
    return href.split("#")[0].split("?")[0]


def _h1(page):
    return page.locator("h1").first.evaluate("e => e.innerText.replace('¶', '').trim()")


RESULTS = ".md-search-result__item > a.md-search-result__link"


def type_query(page, query, one_key=True):
    """Enter a query and wait until the results stop changing.

    Material reads the box on keyup: by default the query is filled and one key
    is pressed, so that only the whole query is sent to the worker (a loaded
    machine cannot then show a stale intermediate list); `one_key=False` types
    it letter by letter, as a reader does.
    """
    box = page.locator("input.md-search__input")
    box.click()
    if one_key:
        box.fill(query)
        box.press("End")
    else:
        box.press_sequentially(query, delay=15)
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.match(/\\d|Aucun/)",
                           timeout=15000)
    previous, stable = None, 0
    for _ in range(60):  # the worker answers the last keystroke last: wait until the list has not changed for 0.6 s
        now = page.locator(".md-search-result").inner_html()
        stable = stable + 1 if now == previous else 0
        if stable == 4:
            break
        previous = now
        page.wait_for_timeout(150)
    return page.locator(RESULTS).evaluate_all("els => els.map(e => e.getAttribute('href'))")


def search(page, base, query):
    page.goto(f"{base}/index.html")
    return type_query(page, query)


# Reader queries: (query, page expected first, or among the first three)
READER_QUERIES = [
    ("senegal", "pays/senegal.html", 1),             # the country page before the call for projects that names it
    ("burkina fasso", "pays/burkina-faso.html", 1),  # a typo, still the country page first
    ("énergies", "thematiques/energie.html", 1),     # a plural
    ("électrifications", "programmes/airf-electrification-rurale.html", 5),
    ("ODD 11", "odd/11.html", 1),
    ("ODD11", "odd/11.html", 1),
    ("sp@aimf.asso.fr", "contacts/aimf-sp.html", 1),  # a pasted e-mail address leads to its contact
    ("Giboin", "contacts/lucas-giboin.html", 1),
    ("lucas giboin", "contacts/lucas-giboin.html", 1),  # a person's name
    ("guyomarch", "contacts/armelle-guyomarch.html", 1),
    ("Lianes", "programmes/lianes-cooperation-mali.html", 3),
    ("marché de noël strasbourg", "pourquoi/index.html", 1),  # « de » decides nothing
    ("AIMF", "organisations/aimf.html", 1),
]


@pytest.mark.parametrize("query, expected, rank", READER_QUERIES)
def test_search_finds_the_record(page, served_site, query, expected, rank):
    hrefs = search(page, served_site, query)
    assert any(_path(h).endswith(expected) for h in hrefs[:rank]), (query, hrefs[:5])
    assert page.external_requests == [] and page.console_errors == []


def test_a_phrase_with_stop_words_and_a_place(page, served_site):
    hrefs = [_path(h) for h in search(page, served_site, "des déchets à nouakchott")]
    # No page has both words: each word's best pages come first, in equal parts, and the missing word is said.
    assert any(h.endswith("thematiques/dechets.html") for h in hrefs[:3]), hrefs[:5]
    assert any(h.endswith(("geographies/sahel.html", "ue-autorites-locales-partenariats-villes-durables.html"))
               for h in hrefs[:3]), hrefs[:5]
    assert page.locator(".md-search-result__terms").first.inner_text().lower().endswith(("nouakchott", "déchets"))


def test_results_say_their_kind_context_and_mark_words(page, served_site):
    search(page, served_site, "senegal")
    first = page.locator(".md-search-result__article").first
    assert first.locator(".cd-resultat__type").inner_text() == "Pays"
    assert first.locator(".cd-resultat__contexte").inner_text().endswith("Afrique de l'Ouest")
    assert first.locator("h1 mark").inner_text() == "Sénégal"
    snippet = first.locator(".cd-resultat__extrait").inner_text()
    assert "Rubrique" not in snippet and snippet.endswith(".")
    kinds = set(page.locator(".cd-resultat__type").all_inner_texts())
    assert {"Pays", "Organisation", "Programme", "Contact"} <= kinds


def test_unaccented_and_after_apostrophe(page, served_site):
    assert search(page, served_site, "cooperation")  # « coopération »
    search(page, served_site, "afrique")
    # the matched words are marked: « Afrique » right after an apostrophe
    html = " ".join(page.locator(".md-search-result__article").evaluate_all("els => els.map(e => e.innerHTML)"))
    assert re.search(r"(’|'|&#39;)<mark>Afrique</mark>", html), html[:500]


def test_prefix_while_typing_and_stop_words_alone(page, served_site):
    page.goto(f"{served_site}/index.html")
    assert any(_path(h).endswith("pays/burkina-faso.html") for h in type_query(page, "burki", one_key=False)[:3])
    page.goto(f"{served_site}/index.html")
    assert type_query(page, "zzzzqx") == []
    assert "Aucun" in page.locator(".md-search-result__meta").inner_text()


def test_a_word_late_in_a_long_section_gets_a_real_snippet(page, served_site):
    # « Osnabrück » is some 5,000 characters into its section: past the text stored with the
    # document, so the worker loads the rest of the text for the snippet.
    hrefs = [_path(h) for h in search(page, served_site, "osnabruck")]
    # Only the section matches: it is shown under its page's title, as Material does, with its snippet.
    assert hrefs[:2] == [f"{served_site}/pourquoi/implication-population.html"] * 2, hrefs[:3]
    first = page.locator(".md-search-result__item").first
    assert first.locator("h1").inner_text() == "2. Impliquer la population dans toute sa diversité"
    snippet = first.locator(".cd-resultat__extrait").first.inner_html()
    assert "<mark>Osnabrück</mark>" in snippet, snippet
    assert page.console_errors == []


def test_fast_typing_shows_the_last_query_only(page, served_site):
    expected = search(page, served_site, "cooperation decentralisee senegal")
    page.goto(f"{served_site}/index.html")
    assert type_query(page, "cooperation decentralisee senegal", one_key=False) == expected  # never a stale answer
    assert expected


def test_search_result_leads_to_the_record(page, served_site):
    hrefs = search(page, served_site, "senegal")
    assert any(_path(h).endswith("pays/senegal.html") for h in hrefs[:3]), hrefs
    page.locator(".md-search-result__item > a.md-search-result__link[href*='pays/senegal.html']").first.click()
    page.wait_for_url("**/pays/senegal.html*")
    assert _h1(page) == "Sénégal"
    # Material highlights the matched words on the target page (search.highlight)
    page.locator("article mark[data-md-highlight]").first.wait_for(timeout=5000)
    assert "Sénégal" in page.locator("article mark[data-md-highlight]").all_inner_texts()


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
    page.keyboard.type("tchad", delay=30)
    first = page.locator(".md-search-result__item > a.md-search-result__link").first
    first.wait_for(timeout=30000)
    assert _path(first.get_attribute("href")).endswith("pays/tchad.html")  # the country page ranks first
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/pays/tchad.html*")
