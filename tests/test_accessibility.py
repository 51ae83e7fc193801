"""Automated accessibility floor (axe-core, WCAG 2 A and AA rules) on representative pages, in Chromium.

Automated checks catch only part of RGAA; they are the floor, not the audit.
"""

from __future__ import annotations

import pytest

from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
pytestmark = [pytest.mark.browser, pytest.mark.skipif(not AXE.exists(), reason="npm packages not installed (make test installs them)")]

PAGES = ["index.html", "thematiques/eau-assainissement.html", "programmes/aimf-eau-assainissement.html", "pays/mali.html",
         "geographies/sahel.html", "programmes/explorateur.html", "contacts/index.html", "contacts/explorateur.html",
         "chiffres-cles.html", "acter.html",
         "glossaire.html", "odd/6.html", "cartes/pays-mali.html", "cartes/monde.html", "regions/index.html",
         "cartes/france.html", "cartes/zone-sahel.html", "regions/corse.html", "geographies/partenaires-recherches.html",
         "programmes/daect-appels-a-projets.html", "s-engager/financements.html", "contacts/lucas-giboin.html", "pays/madagascar.html",
         "regions/bretagne.html", "organisations/daect.html", "pays/senegal.html"]


@pytest.mark.parametrize("path", PAGES)
def test_no_wcag_a_or_aa_violation(page, served_site, path):
    page.goto(f"{served_site}/{path}")
    page.wait_for_timeout(300)
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("""async () => {
        const r = await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']});
        return r.violations.map(v => `${v.id} (${v.impact}) : ${v.nodes.length} × ${v.nodes[0].target.join(' ')}`); }""")
    assert violations == []
