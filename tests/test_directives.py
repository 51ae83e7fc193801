from pathlib import Path

import pytest

from conftest import VALID
from coopdec import CatalogueError, load_catalogue
from coopdec.directives import check_pages, expand_directives, parse_directives

CAT = load_catalogue(VALID / "data", VALID)


def _errors(text):
    with pytest.raises(CatalogueError) as err:
        expand_directives(text, "page.md", CAT, "content/page.md")
    return [p.format() for p in err.value.problems]


def test_unknown_directive_lists_the_valid_ones():
    assert _errors("x\n<!-- catalogue:programme -->\n") == [
        "content/page.md:2:1: erreur: directive inconnue « catalogue:programme » ; directives possibles : "
        "annuaire, carte, contacts, etapes, exemples, explorateur, financements, organisations, pays, programmes, raisons, textes, "
        "thematiques, zones"]


def test_unknown_id_and_option():
    assert _errors('<!-- catalogue:programmes thematique="eaux" -->\n<!-- catalogue:contacts ville="x" -->\n') == [
        "content/page.md:1:1: erreur: catalogue:programmes thematique=… : thématique ou sous-thématique inconnue « eaux » "
        "(vouliez-vous dire « eau » ?) ; identifiants valides : eau, services",
        "content/page.md:2:1: erreur: option « ville=x » invalide pour catalogue:contacts ; options possibles : "
        "organisation, pays, region, thematique, zone (forme clé=\"valeur\")"]


def test_fenced_code_is_left_alone():
    text = "```\n<!-- catalogue:inconnue -->\n```\n"
    assert parse_directives(text, "p.md") == ([], [])
    assert expand_directives(text, "p.md", CAT, "p.md") == text


def test_filters_combine():
    out = expand_directives('<!-- catalogue:programmes genre="mutualisable" pays="senegal" -->', "index.md", CAT, "p")
    assert "bretagne-senegal" in out and "aimf-eau" not in out
    out = expand_directives('<!-- catalogue:programmes genre="mutualisable" pays="mali" -->', "index.md", CAT, "p")
    assert "Aucun programme" in out


def test_pages_are_checked_before_rendering(tmp_path: Path):
    (tmp_path / "a.md").write_text("<!-- catalogue:pays zone=\"sahal\" -->\n")
    problems = check_pages(tmp_path, CAT, lambda p: p.name)
    assert [p.format() for p in problems] == [
        "a.md:1:1: erreur: catalogue:pays zone=… : zone inconnue « sahal » (vouliez-vous dire « sahel » ?) ; "
        "identifiants valides : sahel"]
