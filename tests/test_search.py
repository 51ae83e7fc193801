"""Search semantics, checked without a browser with the Python port of lunr.

The browser tests prove the same cases in Chromium; these pin the index we
produce (fields, separator, folded words) and run fast.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from lunr.builder import Builder

from conftest import ROOT
from coopdec.search import fold_search_index, folded_words

_PLUGINS = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
SEP = re.compile(next(p["search"] for p in _PLUGINS if isinstance(p, dict) and "search" in p)["separator"])


def test_separator_splits_apostrophes_quotes_and_punctuation():
    assert [t for t in SEP.split("l’Afrique, l'Europe « (Dakar, » e-mail: sp@aimf.asso.fr 24.4") if t] == \
        ["l", "Afrique", "l", "Europe", "Dakar", "e", "mail", "sp", "aimf", "asso", "fr", "24.4"]


def test_folded_words_keep_only_accented_words_once():
    assert folded_words("<p>Coopération au Sénégal, coopération décentralisée</p>", SEP) == \
        "cooperation senegal decentralisee"
    assert folded_words("Mali et Niger", SEP) == ""


def test_fold_index_adds_declared_fields():
    index = {"config": {"separator": SEP.pattern, "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
             "docs": [{"location": "pays/senegal.html", "title": "Sénégal", "text": "Dakar"}]}
    out = fold_search_index(index)
    assert out["config"]["fields"]["title_fold"] == {"boost": 1000.0}
    assert out["docs"][0]["title_fold"] == "senegal" and "text_fold" not in out["docs"][0]
    assert "title_fold" not in index["docs"][0]  # input untouched


@pytest.fixture(scope="module")
def site_index(built_site):
    data = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert data["config"]["separator"] == SEP.pattern
    return data


def _search(index_data, query):
    """Index and query as Material's worker does: our separator, no stemmer, trailing wildcard per term."""
    names = [n for n in index_data["config"]["fields"] if n != "tags"]
    builder = Builder()  # empty pipeline: Material's French setup keeps only a stop-word filter
    builder.ref("location")
    for name in names:
        builder.field(name, boost=index_data["config"]["fields"][name].get("boost", 1))
    for doc in index_data["docs"]:
        builder.add({"location": doc["location"],
                     **{n: [t for t in SEP.split(re.sub("<[^>]+>", " ", doc.get(n, ""))) if t] for n in names}})
    idx = builder.build()
    terms = [t.lower() for t in SEP.split(query) if t]
    q = idx.create_query()
    for t in terms:
        q.term(t, wildcard=q.WILDCARD_TRAILING)
    return [r["ref"] for r in idx.query(q)]


@pytest.mark.parametrize("query, expected", [
    ("senegal", "pays/senegal.html"),
    ("energie", "thematiques/energie.html"),
    ("cooperation", None),
    ("afrique", "programmes/airf-electrification-rurale.html"),  # « l'Afrique de l'Ouest »
    ("Giboin", "contacts/lucas-giboin.html"),
    ("sp@aimf.asso.fr", "contacts/aimf-sp.html"),
])
def test_index_finds_what_french_readers_type(site_index, query, expected):
    results = _search(site_index, query)
    assert results, query
    if expected:
        found = [r.split("#")[0] for r in results]
        assert expected in (found if query == "afrique" else found[:5]), (query, found[:5])
