"""The contacts directory (contacts/index.html): grouped as officials look, each contact once, bounded, fit for a phone."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from coopdec import load_catalogue
from coopdec.annuaire import annuaire, limiter

CAT = load_catalogue(ROOT / "data", ROOT)
SECTIONS = annuaire(CAT)


def _groupe(ancre):
    return next(g for s in SECTIONS for g in s.groupes if g.ancre == ancre)


def _contacts(groupe):
    return [c.id for b in groupe.blocs for c in b.contacts]


def test_every_contact_is_listed_exactly_once():
    ids = [c for s in SECTIONS for g in s.groupes for c in _contacts(g)]
    assert sorted(ids) == sorted(CAT.contacts) and len(ids) == len(set(ids))


def test_contacts_sit_where_an_official_looks_for_them():
    assert [s.ancre for s in SECTIONS] == ["annuaire-national", "annuaire-regions", "annuaire-pays"]
    assert "aurelia-bouchez" in _contacts(_groupe("annuaire-region-bretagne"))  # diplomatic adviser, in her region
    assert "bertrand-fort" in _contacts(_groupe("annuaire-ministere"))  # the DAECT, national
    assert "francoise-gianviti" in _contacts(_groupe("annuaire-zone-sahel"))  # embassy in Mali, under its zone
    cameroun = next(b for b in _groupe("annuaire-zone-afrique-centrale-et-orientale").blocs if b.pays == "cameroun")
    assert CAT.organisations[cameroun.contacts[0].organisation].genre == "ambassade"  # France's embassy first
    national = next(s for s in SECTIONS if s.ancre == "annuaire-national")
    assert national.groupes[0].titre == "Services de l'État"
    regions = [g.titre for g in next(s for s in SECTIONS if s.ancre == "annuaire-regions").groupes]
    assert regions == sorted(regions, key=lambda t: t.replace("Î", "I").lower())


def test_people_come_before_service_addresses_inside_each_organisation():
    for s in SECTIONS:
        for g in s.groupes:
            for b in g.blocs:
                if b.organisation:
                    kinds = [not c.nom for c in b.contacts]
                    assert kinds == sorted(kinds), (g.ancre, b.organisation.id)


def test_the_directory_is_cut_at_the_page_limit_and_points_to_the_explorer(monkeypatch):
    from coopdec import render
    from coopdec.build import Project

    cut, total = limiter(SECTIONS, 5)
    assert total == len(CAT.contacts) and sum(g.nombre for s in cut for g in s.groupes) == 5
    monkeypatch.setitem(render._environment().globals, "LISTE_MAX", 5)
    page = Project.load(ROOT).expand("<!-- catalogue:annuaire -->\n", "contacts/index.md")
    assert len(re.findall(r"^    - ", page, flags=re.M)) == 5
    assert f"Les 5 premiers contacts sur {total}" in page and '<a href="explorateur.html">voir tout' in page


def test_built_directory_opens_on_groups_and_jump_links(built_site):
    html = (built_site / "contacts" / "index.html").read_text(encoding="utf-8")
    body = html[html.index('<h1'):]
    first_heading = re.search(r"<h2[^>]*>(.*?)<", body).group(1)
    assert first_heading == "À l'échelle nationale"
    sommaire = body[body.index('class="cd-sommaire"'):body.index("</nav>")]
    for s in SECTIONS:
        for g in s.groupes:
            assert f'href="#{g.ancre}"' in sommaire and f'id="{g.ancre}"' in body, g.ancre
    assert body.count('href="mailto:') == len(CAT.contacts)
    # no list of « Adresse … » labels heads the page any more: the first contact named is a person
    first_contact = re.search(r'<a href="([\w-]+)\.html"', body[body.index('class="cd-annuaire"'):]).group(1)
    assert CAT.contacts[first_contact].nom


@pytest.mark.browser
def test_directory_on_a_phone_shows_each_email_without_sideways_scroll(browser, served_site):
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{served_site}/contacts/index.html")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    outside = page.eval_on_selector_all(".cd-annuaire a[href^='mailto:']", """els => els.filter(e => {
        const r = e.getBoundingClientRect(); return r.width === 0 || r.left < 0 || r.right > innerWidth; }).length""")
    assert outside == 0
    page.get_by_role("link", name="Bretagne", exact=True).first.click()  # jump link
    page.wait_for_url("**/contacts/index.html#annuaire-region-bretagne")
    adviser = page.locator("#annuaire-region-bretagne ~ .cd-annuaire").first.get_by_role("link", name="Aurélia Bouchez")
    assert adviser.is_visible()
    context.close()


def test_a_region_page_puts_its_network_and_adviser_first_under_their_organisations(monkeypatch):
    from coopdec import render
    from coopdec.annuaire import blocs_region

    blocs = blocs_region("bretagne", CAT)
    assert [b.organisation.genre for b in blocs][:2] == ["reseau-regional", "autre"]  # RRMA, then the préfecture
    assert "aurelia-bouchez" in [c.id for c in blocs[1].contacts]
    assert all(b.contacts for b in blocs[:-1]) or not blocs[-1].contacts  # organisations to write to come first
    page = render.render_region("bretagne", CAT).markdown
    assert page.index("Réseau Bretagne Solidaire") < page.index("Aurélia Bouchez") and "Autre organisation" not in page
    monkeypatch.setitem(render._environment().globals, "LISTE_MAX", 1)
    page = render.render_region("provence-alpes-cote-d-azur", CAT).markdown
    assert len(re.findall(r"^    - ", page, flags=re.M)) == 1
    assert 'explorateur.html#region=provence-alpes-cote-d-azur">voir tout' in page


def test_no_reader_page_calls_an_organisation_autre(built_site):
    """« Autre organisation » told readers nothing (like « Type : Personne » on contact pages): the line is left out."""
    for folder in ("organisations", "regions", "contacts"):
        for page in (built_site / folder).glob("*.html"):
            body = page.read_text(encoding="utf-8")
            assert "Autre organisation" not in body and "Type : Personne" not in body, page.name
