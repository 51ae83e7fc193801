"""Facts from several documents: the reader sees which part comes from which, and both values when they disagree."""

from __future__ import annotations

import re

from test_editor_notes import page_text as _page_text


def page_text(path) -> str:
    """Visible text, without the spaces that dropped tags leave inside brackets and before commas."""
    return re.sub(r"\(\s+", "(", re.sub(r"\s+([,)])", r"\1", _page_text(path)))


def test_cuf_shows_both_counts_of_groupes_pays_with_their_sources(built_site):
    text = page_text(built_site / "organisations" / "cites-unies-france.html")
    guide, brochure = text.index("23 groupes-pays"), text.index("près de 30 groupes-pays")
    assert "(source : Guide opérationnel de la coopération décentralisée" in text[guide:brochure]
    assert "(source : L'action internationale de votre collectivité" in text[brochure:]
    assert "9, rue Christiani" in text[brochure:]
    assert "Autres sources : présentation, paragraphe 2" in text


def test_cncd_composition_is_cited_to_the_daect_deck(built_site):
    text = page_text(built_site / "organisations" / "cncd.html")
    assert re.search(r"12 ministères.*\(source : L'action extérieure des collectivités territoriales \(présentation de la DAECT\)", text)


def test_adf_tooltip_follows_the_guide_text_and_the_glossary_shows_both(built_site):
    html = (built_site / "organisations" / "adf.html").read_text(encoding="utf-8")
    assert '<abbr title="Assemblée des départements de France">ADF</abbr>' in html
    glossary = page_text(built_site / "glossaire.html")
    assert "Association des départements de France ; aussi imprimé « Assemblée des départements de France »" in glossary


def test_people_cited_many_times_list_every_page(built_site):
    text = page_text(built_site / "contacts" / "guillaume-lagree.html")
    assert "pages 70, 80-84, 89, 107-111 (information de 2020)" in text
