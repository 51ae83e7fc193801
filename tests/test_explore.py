"""ODD pages, stable links (old ids), and the explorer's combined filters in Chromium (online and file://)."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT, VALID
from coopdec import CatalogueError, load_catalogue
from coopdec.redirects import redirect_pages

CAT = load_catalogue(ROOT / "data", ROOT)


def test_seventeen_odd_pages_list_what_cites_them(built_site):
    for n in range(1, 18):
        assert (built_site / "odd" / f"{n}.html").exists()
    html = (built_site / "odd" / "6.html").read_text(encoding="utf-8")
    assert "aimf-eau-assainissement.html" in html and "eau-assainissement.html" in html
    assert "odd/6.html" in (built_site / "programmes" / "aimf-eau-assainissement.html").read_text(encoding="utf-8")


def _with_old_id(tmp_path, text_from, text_to, file="programmes.yaml"):
    data = tmp_path / "data"
    shutil.copytree(VALID / "data", data)
    path = data / file
    path.write_text(path.read_text().replace(text_from, text_to, 1))
    return data


def test_a_renamed_record_keeps_its_old_address(tmp_path):
    data = _with_old_id(tmp_path, "  - id: aimf-eau\n", "  - id: aimf-eau-potable\n    anciens_ids: [aimf-eau]\n")
    (data / "contacts.yaml").write_text((data / "contacts.yaml").read_text())
    cat = load_catalogue(data, tmp_path)
    pages = redirect_pages(cat)
    assert list(pages) == ["programmes/aimf-eau.html"]
    assert 'url=aimf-eau-potable.html' in pages["programmes/aimf-eau.html"]


def test_an_old_id_cannot_shadow_a_current_record(tmp_path):
    data = _with_old_id(tmp_path, "  - id: aimf-eau\n", "  - id: aimf-eau\n    anciens_ids: [bretagne-senegal]\n")
    with pytest.raises(CatalogueError) as err:
        load_catalogue(data, tmp_path)
    assert [p.format() for p in err.value.problems] == [
        "data/programmes.yaml:3:19: erreur: ancien identifiant « bretagne-senegal » : c'est aussi l'identifiant d'une fiche "
        "actuelle ; une adresse ne peut mener qu'à une fiche"]




def _count(page):
    page.locator(".cd-compte").wait_for()
    return int(re.match(r"(\d+)", page.locator(".cd-compte").inner_text()).group(1))


@pytest.mark.browser
@pytest.mark.parametrize("where", ["online", "file"])
def test_filters_combine_count_live_and_live_in_the_url(page, served_site, built_site, where):
    base = served_site if where == "online" else built_site.as_uri()
    page.goto(f"{base}/programmes/explorateur.html")
    total = _count(page)
    assert total == len(CAT.programmes)
    page.select_option("#cd-zone", "sahel")
    sahel = _count(page)
    page.select_option("#cd-genre", "cle-en-main-aimf")
    both = _count(page)
    # a record with no country or zone (open to every country) is kept under every geography
    expected = [p for p in CAT.programmes.values() if p.genre == "cle-en-main-aimf"
                and ("sahel" in p.zones or any(CAT.pays[i].zone == "sahel" for i in [*p.pays, *(v.pays for v in p.villes)])
                     or not (p.pays or p.villes or p.zones))]
    assert 0 < both == len(expected) < sahel < total
    assert "zone=sahel" in page.url and "genre=cle-en-main-aimf" in page.url
    # the option's count says what choosing it would give
    option = page.locator("#cd-genre option[value='mutualisable']").inner_text()
    page.fill("#cd-q", "maraichage")  # unaccented, like the site search
    page.wait_for_timeout(400)
    shared = page.url
    page.goto(shared)  # a shared address restores the view
    page.reload()
    assert page.locator("#cd-q").input_value() == "maraichage" and page.locator("#cd-zone").input_value() == "sahel"
    assert option.endswith(")")
    assert page.external_requests == [] and page.console_errors == []


@pytest.mark.browser
def test_text_filter_behaves_like_the_site_search(page, served_site):
    page.goto(f"{served_site}/programmes/explorateur.html#q=electrification%20afrique")
    assert _count(page) >= 1
    assert page.locator(".cd-resultats a[href$='programmes/airf-electrification-rurale.html']").count() == 1


@pytest.mark.browser
def test_contacts_directory_filters_with_the_keyboard(page, served_site):
    page.goto(f"{served_site}/contacts/explorateur.html")
    total = _count(page)
    page.locator("#cd-q").focus()
    page.keyboard.press("Tab")  # next control: the organisation filter
    assert page.evaluate("document.activeElement.id") == "cd-organisation"
    page.locator("#cd-pays").focus()
    page.select_option("#cd-pays", "tchad")
    assert 0 < _count(page) < total
    assert page.locator(".cd-resultats a[href$='contacts/olivier-lavergne.html']").count() == 1
    assert page.locator(".cd-compte").get_attribute("role") == "status"


@pytest.mark.browser
@pytest.mark.parametrize("path", ["programmes/aimf-eau-assainissement.html", "pays/mali.html", "programmes/explorateur.html#zone=sahel"])
def test_pages_print_cleanly_on_a4(page, served_site, path):
    page.goto(f"{served_site}/{path}")
    page.wait_for_timeout(300)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(selector).first.evaluate("e => getComputedStyle(e).display") == "none", selector
    assert page.locator("h1").first.is_visible()
    pdf = page.pdf(format="A4", print_background=False)
    assert pdf[:4] == b"%PDF" and len(pdf) > 5000
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert 1 <= pages <= 8, pages


def test_long_lists_show_the_first_records_and_link_to_the_explorer(monkeypatch):
    """At catalogue scale no page carries thousands of records as HTML (issue #11)."""
    from coopdec import render
    from coopdec.build import Project

    project = Project.load(ROOT)
    monkeypatch.setitem(render._environment().globals, "LISTE_MAX", 3)
    theme = max(project.catalogue.thematiques, key=lambda t: len(project.catalogue.programmes_par_theme.get(t, [])))
    page = render.render_theme(theme, project.catalogue).markdown
    total = len(project.catalogue.programmes_par_theme[theme])
    assert total > 3
    table = [line for line in page.splitlines() if line.startswith("| [")]
    assert len([r for r in table if "../programmes/" in r.split("|")[1]]) == 3
    assert f"Les 3 premiers programmes sur {total}" in page
    assert f'<a href="../programmes/explorateur.html#thematique={theme}">voir tout' in page
    listing = project.expand("<!-- catalogue:contacts -->\n", "contacts/index.md")
    assert listing.count("\n| [") == 3 and '<a href="explorateur.html">voir tout' in listing


def test_directory_sorts_people_by_family_name():
    from coopdec.build import Project
    from coopdec.directives import select_contacts

    cat = Project.load(ROOT).catalogue
    people = [c.nom.split()[-1] for c in select_contacts(cat, {}) if c.nom]
    from coopdec.text import cle_fr

    assert people == sorted(people, key=cle_fr)
