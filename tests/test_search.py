"""Search without a browser: the French analysis, Python and JavaScript side by side, and the index.

The browser tests (test_browser.py, test_offline.py) run the same reader
queries in Chromium over http and file://.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from conftest import ROOT, VALID
from coopdec.build import Project
from coopdec.pagepolicy import check_page
from coopdec.search import MATERIAL_STUB, search_files
from coopdec.search.analysis import fold, query_terms, stem, terms, tokens, within_one_edit
from coopdec.search.documents import SearchDocument, page_documents, page_sections, plain, record_documents
from coopdec.search.index import SHARD_BUDGET, STORED_TEXT, build_index, score_documents, shard_keys, shard_of

ANALYSE_JS = ROOT / "src" / "coopdec" / "assets" / "analyse.js"


def test_folding_removes_accents_ligatures_and_case():
    assert fold("Œuvre CÔTE d’Ivoire Énergie") == "oeuvre cote d’ivoire energie"
    assert terms("Sénégal") == terms("senegal") == terms("SÉNÉGAL")


def test_elisions_split_and_articles_never_count():
    assert terms("l'Afrique, d’Europe, qu'il, jusqu'à") == ["afriqu", "europ"]
    assert query_terms("marché de noël strasbourg") == ["march", "noel", "strasbourg"]
    assert query_terms("des déchets à Nouakchott") == ["dechet", "nouakchott"]
    assert query_terms("de la") == ["de", "la"]  # a query of stop words only keeps them


@pytest.mark.parametrize("a, b", [("énergie", "énergies"), ("électrification", "électrifications"),
                                  ("coopérer", "coopération"), ("coopération", "coopérations"),
                                  ("décentralisée", "décentralisation"), ("collectivité", "collectivités"),
                                  ("eau", "eaux"), ("assainissement", "assainissements")])
def test_stemmer_joins_inflections(a, b):
    assert terms(a) == terms(b)


def test_stemmer_leaves_short_words_numbers_and_ids_alone():
    assert [stem(w) for w in ("mali", "eau", "2020", "odd6")] == ["mali", "eau", "2020", "odd6"]
    assert terms("ODD 6, ODD6, odd 11") == ["odd6", "odd6", "odd11"]
    assert terms("cible 6.2 et 24,4 millions") == ["cibl", "6.2", "24.4", "million"]
    assert terms("O.N.U. et ONU") == ["onu", "onu"]


def test_email_is_one_token_and_its_parts_are_words():
    toks = [t.term for t in tokens("Écrire à sp@aimf.asso.fr.") if not t.stop]
    assert toks[:2] == ["ecrir", "sp@aimf.asso.fr"] and {"aimf", "asso", "fr"} <= set(toks)
    assert query_terms("Lucas.Giboin@cites-unies-france.org")[0] == "lucas.giboin@cites-unies-france.org"


@pytest.mark.parametrize("a, b, expected", [("faso", "fasso", True), ("senegal", "sengeal", True),
                                            ("tchad", "tchad", True), ("mali", "malis", True), ("niger", "nigeria", False),
                                            ("abc", "xbz", False), ("energie", "energi", True)])
def test_one_edit(a, b, expected):
    assert within_one_edit(a, b) is expected and within_one_edit(b, a) is expected


def _node(script: str, payload: object) -> object:
    out = subprocess.run(["node", "-e", script, str(ANALYSE_JS)], input=json.dumps(payload), capture_output=True,
                         text=True, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def real_project():
    return Project.load(ROOT)


def test_python_and_javascript_analyse_the_whole_catalogue_identically(real_project):
    docs = record_documents(real_project.catalogue) + page_documents(real_project.content_dir, real_project.pages,
                                                                     real_project.expand)
    texts = sorted({text for d in docs for _, text in d.fields}) + [
        "Œuvre ÆSOP ß İstanbul Tromsø ﬁn ½ 6.2 ODD6 O.N.U. a.b@c.fr l’été « Noël » 3,14 x_y"]
    js = _node("const A=require(process.argv[1]);let s='';process.stdin.on('data',d=>s+=d).on('end',()=>"
               "console.log(JSON.stringify(JSON.parse(s).map(t=>[A.termes(t),A.termesRequete(t)]))))", texts)
    assert js == [[terms(t), query_terms(t)] for t in texts]
    assert len(texts) > 1000


def test_javascript_typo_distance_matches_python():
    pairs = [["faso", "fasso"], ["senegal", "sengeal"], ["abc", "xbz"], ["mali", "malis"], ["ab", "ba"], ["", "a"]]
    js = _node("const A=require(process.argv[1]);let s='';process.stdin.on('data',d=>s+=d).on('end',()=>"
               "console.log(JSON.stringify(JSON.parse(s).map(p=>A.aUneFaute(p[0],p[1])))))", pairs)
    assert js == [within_one_edit(a, b) for a, b in pairs]


def test_snippet_text_is_sentences_not_tables_or_marks():
    md = ("Intro **gras** [lien](x.html){: .c } et `code`.\n\n| Rubrique | Détail |\n| --- | --- |\n| a | b |\n\n"
          "<!-- catalogue:x -->\n*[AIMF]: Association")
    assert plain(md) == "Intro gras lien et code."


def test_shards_stay_under_budget_and_every_term_has_one():
    sizes = {f"co{i:05d}": 1000 for i in range(200)} | {"co": 10, "eau": 60_000, "e": 5}
    keys = shard_keys(sizes)
    assert len(keys) == len(set(keys))
    by_key: dict[str, int] = {}
    for t in sizes:
        by_key[shard_of(t, set(keys))] = by_key.get(shard_of(t, set(keys)), 0) + sizes[t]
    assert all(v <= SHARD_BUDGET or k == "eau" for k, v in by_key.items())  # a single big term stays whole


def test_index_of_the_fixture_is_golden(golden):
    project = Project.load(VALID)
    built, files = search_files(project.catalogue, project.content_dir, project.pages, project.expand)
    assert files.keys() >= {"assets/recherche/analyse.js", "assets/recherche/recherche.js"}
    assert f'"{built.version}"' in files["assets/recherche/recherche.js"]
    index_files = {p.split(built.version + "/")[1]: t for p, t in built.files.items()}
    golden("recherche/index.txt", "".join(f"== {p}\n{index_files[p]}" for p in sorted(index_files)))
    again, _ = search_files(project.catalogue, project.content_dir, project.pages, project.expand)
    assert again.files == built.files  # deterministic


def test_index_never_closes_a_script(real_project):
    _, files = search_files(real_project.catalogue, real_project.content_dir, real_project.pages, real_project.expand)
    assert not any("</" in text for path, text in files.items() if "/d/" in path or "/t/" in path or path.endswith("index.js"))


def test_built_site_uses_our_worker_and_empties_material_index(built_site):
    html = (built_site / "pays" / "senegal.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert config["search"] == "../assets/recherche/recherche.js"
    assert json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8")) == MATERIAL_STUB
    assert (built_site / "assets" / "catalogue" / "explorateur.js").read_text(encoding="utf-8").startswith(
        ANALYSE_JS.read_text(encoding="utf-8"))


def test_every_section_anchor_exists_in_its_page(built_site, real_project):
    docs = page_documents(real_project.content_dir, real_project.pages, real_project.expand)
    missing = []
    for d in docs:
        if "#" in d.url:
            page, anchor = d.url.split("#")
            if f'id="{anchor}"' not in (built_site / page).read_text(encoding="utf-8"):
                missing.append(d.url)
    assert missing == []
    assert len([d for d in docs if "#" in d.url]) > 50


def test_front_matter_search_boost_multiplies_a_page_and_exclude_drops_it():
    page = "# Titre\n\nDe l'eau potable.\n\n## Puits\n\nForer un puits pour l'eau.\n"
    plain_docs = page_sections("a.md", page)
    boosted = page_sections("b.md", "---\nsearch:\n  boost: 3\n---\n" + page)
    assert [d.boost for d in plain_docs] == [1.0, 1.0] and [d.boost for d in boosted] == [3.0, 3.0]
    assert page_sections("c.md", "---\nsearch:\n  exclude: true\n---\n" + page) == []
    postings, _, _ = score_documents(plain_docs + boosted)  # same text: the boosted page scores three times more
    eau = postings["eau"]
    assert eau[2] // 4 == pytest.approx(3 * (eau[0] // 4), rel=0.05) and eau[3] // 4 == pytest.approx(3 * (eau[1] // 4), rel=0.05)


@pytest.mark.parametrize("front, message", [
    ("search:\n  boost: beaucoup", "« search: boost » doit être un nombre"),
    ("search:\n  boost: 0", "« search: boost » doit être un nombre"),
    ("search:\n  boost: true", "« search: boost » doit être un nombre"),
    ("search:\n  exclude: oui", "« search: exclude » vaut « true » ou « false »"),
    ("search:\n  poids: 2", "« search » accepte « boost »"),
    ("search: 2", "« search » accepte « boost »"),
])
def test_page_policy_refuses_search_options_the_index_cannot_honour(front, message):
    problems = check_page(f"---\ntitle: Essai\n{front}\n---\n\n# Essai\n", "content/essai.md")
    assert [(p.path, p.line) for p in problems] == [("content/essai.md", 3)]
    assert message in problems[0].message
    assert check_page("---\nsearch:\n  boost: 2.5\n  exclude: false\n---\n\n# Essai\n", "content/essai.md") == []


def test_a_long_text_keeps_its_start_with_the_document_and_its_rest_apart():
    long_text = "Une phrase sur la coopération. " * 60 + "Le jumelage avec Osnabrück dure."
    docs = [SearchDocument("a.html", "page", "Court", "", "Texte court.", [(1.0, "Texte court.")]),
            SearchDocument("a.html#long", "page", "Long", "", long_text, [(1.0, long_text)])]
    built = build_index(docs)
    files = {p.split(built.version + "/")[1]: t for p, t in built.files.items()}
    block = json.loads(files["d/0.js"][len("CDR.docs(0,"):-3])
    assert [d[5] for d in block] == [0, 1] and block[1][4] == long_text[:STORED_TEXT]
    assert [d[6] for d in block] == [-1, 0]  # the section knows its page's document
    assert sorted(p for p in files if p.startswith("s/")) == ["s/1.js"]
    rest = json.loads(files["s/1.js"][len("CDR.suite(1,"):-3])
    assert block[1][4] + rest == long_text and "Osnabrück" not in block[1][4]
