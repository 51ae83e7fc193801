"""Whole-site builds: strict, linked both ways, no third-party requests, failures publish nothing."""

from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT, VALID, copy_project, mkdocs_build
from coopdec.publish import PublishError, publish

THIRD_PARTY = re.compile(r"""(?:src|href)=["']?(?:https?:)?//(?!127\.0\.0\.1)[^"' >]+\.(?:js|css|woff2?|ttf)|fonts\.(?:googleapis|gstatic)\.com|unpkg\.com|cdn\.jsdelivr""")  # noqa: E501


def read(site, path):
    return (site / path).read_text(encoding="utf-8")


def test_pages_exist_for_every_record(built_site):
    for path in ["index.html", "thematiques/index.html", "thematiques/acces-aux-services-essentiels.html",
                 "thematiques/eau-assainissement.html", "geographies/sahel.html", "pays/mali.html", "pays/tchad.html",
                 "programmes/index.html", "programmes/aimf-eau-assainissement.html", "contacts/index.html",
                 "contacts/aimf-sp.html", "organisations/aimf.html"]:
        assert (built_site / path).exists(), path


def test_links_go_both_ways(built_site):
    prog = read(built_site, "programmes/airf-electrification-rurale.html")
    assert 'href="../pays/mali.html"' in prog and 'href="../thematiques/energie.html"' in prog
    assert "airf-electrification-rurale.html" in read(built_site, "pays/mali.html")
    assert "airf-electrification-rurale.html" in read(built_site, "thematiques/energie.html")
    assert "airf-electrification-rurale.html" in read(built_site, "thematiques/acces-aux-services-essentiels.html")
    assert "contacts/francoise-gianviti.html" in read(built_site, "pays/mali.html")
    assert "mailto:francoise.gianviti@diplomatie.gouv.fr" in read(built_site, "contacts/francoise-gianviti.html")
    assert "programmes/aimf-eau-assainissement.html" in read(built_site, "contacts/aimf-sp.html")


def test_record_pages_show_source_and_date(built_site):
    html = read(built_site, "programmes/aimf-eau-assainissement.html")
    assert "Guide opérationnel de la coopération décentralisée" in html and "p. 43" in html
    assert "(information de 2020)" in html
    assert 'md-source-file' in html  # Material's "last update" line, fed by revision_date


def test_french_pages_with_no_third_party_request(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert '<html lang="fr"' in html, path
        assert not THIRD_PARTY.search(html), (path, THIRD_PARTY.search(html).group(0))
    # Material's bundle names two scripts it loads on demand; the build points them at local paths.
    for path in list(built_site.rglob("*.css")) + list(built_site.rglob("*.js")):
        found = set(re.findall(r"https?://(?:fonts\.googleapis|fonts\.gstatic|unpkg|cdn\.jsdelivr|cdnjs)[^\s\"'`)]*",
                               path.read_text(errors="ignore")))
        assert found == set(), (path, found)
    bundle = next((built_site / "assets" / "javascripts").glob("bundle.*.min.js")).read_text()
    assert 'new URL("assets/vendor/resize-observer-polyfill/ResizeObserver.js",__md_scope).href' in bundle
    assert (built_site / "assets" / "vendor" / "resize-observer-polyfill" / "ResizeObserver.js").exists()


def test_nav_lists_thematiques_and_zones_but_not_every_record(built_site):
    html = read(built_site, "index.html")
    assert "thematiques/eau-assainissement.html" in html and "geographies/sahel.html" in html
    assert "contacts/lucas-giboin.html" not in html  # records grow with the catalogue: not in every page


def test_bad_directive_fails_the_build_with_page_and_line(tmp_path):
    project = copy_project(tmp_path)
    page = project / "content" / "programmes" / "index.md"
    page.write_text(page.read_text() + '\n<!-- catalogue:programmes thematique="eaux" -->\n')
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "content/programmes/index.md:" in result.stderr and "thématique ou sous-thématique inconnue « eaux »" in result.stderr


def test_mistyped_thematique_gives_one_french_error_with_valid_ids(tmp_path):
    project = copy_project(tmp_path)
    data = project / "data" / "programmes.yaml"
    text = data.read_text()
    assert "  - eau-assainissement\n" in text
    data.write_text(text.replace("  - eau-assainissement\n", "  - eau-assainisement\n", 1))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if ": erreur: " in line]
    assert len(errors) == 1, result.stderr
    from coopdec import load_catalogue
    from coopdec.text import cle_fr

    cat = load_catalogue(ROOT / "data", ROOT)
    valid = ", ".join(sorted([*cat.thematiques, *cat.sous_thematiques], key=cle_fr))
    assert re.match(r"^data/programmes\.yaml:\d+:\d+: erreur: thématique ou sous-thématique inconnue « eau-assainisement » "
                    r"\(vouliez-vous dire « eau-assainissement » \?\) ; identifiants valides : ", errors[0]), errors[0]
    assert errors[0].endswith("identifiants valides : " + valid)


@pytest.mark.parametrize("breakage", ["data", "content"])
def test_failed_publish_leaves_the_published_site_untouched(tmp_path, breakage):
    project = copy_project(tmp_path)
    for name in ("pyproject.toml",):
        shutil.copy2(ROOT / name, project / name)
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("published")
    if breakage == "data":
        (project / "data" / "contacts.yaml").write_text("contacts:\n  - id: x\n    id: y\n")
    else:
        (project / "content" / "index.md").write_text("<!-- catalogue:nope -->\n")
    with pytest.raises(PublishError, match="n'a pas été modifié"):
        publish(project, site, project / "dist")
    assert (site / "index.html").read_text() == "published"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_a_scan_finding_publishes_neither_site_nor_zip(tmp_path, monkeypatch, capsys):
    """The zip is written while the scan runs (two processes): a finding must still publish nothing."""
    from coopdec import publish as publishing
    from coopdec.sitescan import Finding

    project = copy_project(tmp_path)
    site, dist = project / "site", project / "dist"
    site.mkdir()
    (site / "index.html").write_text("published")
    dist.mkdir()
    (dist / publishing.ZIP_NAME).write_bytes(b"zip publie")
    monkeypatch.setattr(publishing, "_scan", lambda site: [Finding("index.html", "script inattendu")])
    with pytest.raises(PublishError, match="n'a pas été modifié"):
        publish(project, site, dist)
    assert (site / "index.html").read_text() == "published"
    assert (dist / publishing.ZIP_NAME).read_bytes() == b"zip publie"
    assert sorted(p.name for p in project.iterdir() if p.name.startswith((".site", ".dist"))) == []
    assert "script inattendu" in capsys.readouterr().err


def test_publish_replaces_the_site_when_the_build_succeeds(tmp_path):
    project = copy_project(tmp_path)
    site = project / "site"
    site.mkdir()
    (site / "stale.html").write_text("old")
    publish(project, site, project / "dist")
    assert (site / "index.html").exists() and not (site / "stale.html").exists()


def test_a_typo_in_the_catalogue_settings_fails_before_building(tmp_path):
    project = copy_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("    exports_personnes: false", "    export_personnes: true"))
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    line = config.read_text().splitlines().index("    export_personnes: true") + 1
    assert f"mkdocs.yml:{line}:5: erreur: extra.catalogue : réglage inconnu « export_personnes »" in result.stderr
    assert not (tmp_path / "site").exists()


def small_project(tmp_path, pages):
    """The small valid fixture as a whole MkDocs project (no nav), with extra hand-written pages."""
    project = copy_project(tmp_path, data=VALID / "data", content=VALID / "content")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:\n")[0] + "\n"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for name, text in pages.items():
        (project / "content" / name).write_text(text, encoding="utf-8")
    return project


def test_strict_means_strict_dead_links_and_anchors_fail_in_french_at_their_line(tmp_path):
    project = small_project(tmp_path, {"essai.md": "# Essai\n\nVoir [une page](absente.md).\n\n"
                                                   "Et [une ancre](index.md#nulle-part).\n"})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "content/essai.md:3:1: erreur: lien mort « absente.md »" in result.stderr, result.stderr[-2000:]
    assert "content/essai.md:5:1: erreur: lien « index.md#nulle-part » : la page index.md n'a pas d'ancre « #nulle-part »" \
        in result.stderr


def test_publish_fails_on_a_dead_link_and_keeps_the_published_site(tmp_path):
    project = small_project(tmp_path, {"essai.md": "# Essai\n\nVoir [une page](absente.md).\n"})
    site = project / "site"
    site.mkdir()
    (site / "published.html").write_text("en ligne")
    with pytest.raises(PublishError):
        publish(project, site, project / "dist")
    assert (site / "published.html").read_text() == "en ligne"
    assert not (project / "dist").exists() or not any((project / "dist").iterdir())


def test_broken_front_matter_fails_instead_of_showing_as_text(tmp_path):
    project = small_project(tmp_path, {"essai.md": "---\ntitle: [Essai\n---\n\n# Essai\n"})
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "content/essai.md:" in result.stderr and "en-tête de page : syntaxe YAML invalide" in result.stderr


def test_the_swap_is_atomic_and_dist_never_holds_a_partial_file(tmp_path):
    from coopdec.publish import _exchange, _replace_dir, write_zip

    old, new = tmp_path / "site", tmp_path / ".site.partial"
    old.mkdir()
    (old / "a.html").write_text("ancien")
    new.mkdir()
    (new / "a.html").write_text("nouveau")
    assert _exchange(tmp_path / "x", tmp_path / "y") is False  # nothing to swap: refused, nothing moved
    assert _exchange(new, old) is True  # both exist: one atomic exchange (Linux renameat2)
    assert (old / "a.html").read_text() == "nouveau" and (new / "a.html").read_text() == "ancien"
    _exchange(new, old)
    _replace_dir(new, old)
    assert (old / "a.html").read_text() == "nouveau" and not new.exists()
    dist = tmp_path / "dist"
    write_zip(old, dist / "x.zip")
    assert sorted(p.name for p in dist.iterdir()) == ["x.zip"]
    assert not list(tmp_path.glob("*.partial"))


def test_the_real_site_passes_the_whole_site_scan(built_site):
    from coopdec.sitescan import report, scan_site

    findings = scan_site(built_site)
    assert findings == [], report(findings)


def test_pages_that_name_a_person_are_noindex_and_out_of_the_sitemap(built_site):
    sitemap = read(built_site, "sitemap.xml")
    person, mailbox = "contacts/lucas-giboin.html", "contacts/aimf-sp.html"
    assert '<meta name="robots" content="noindex">' in read(built_site, person)
    assert person not in sitemap
    assert '<meta name="robots" content="noindex">' not in read(built_site, mailbox)
    assert mailbox in sitemap
    # a hand-written page whose directive lists named people is marked too (the contacts directory)
    assert '<meta name="robots" content="noindex">' in read(built_site, "contacts/index.html")
    assert "contacts/index.html" not in sitemap
    assert '<meta name="robots" content="noindex">' not in read(built_site, "index.html")


def test_sigles_keep_their_tooltip_inside_markdown_fields(built_site):
    # Data Markdown is a raw block the site's abbr pass does not enter: the data profile adds the tooltips.
    html = read(built_site, "organisations/cites-unies-france.html")
    texte = html.split('class="cd-texte">', 1)[1].split("</div>", 1)[0]
    assert re.search(r'<abbr title="[^"]+">DAECT</abbr>', texte), texte[:300]
