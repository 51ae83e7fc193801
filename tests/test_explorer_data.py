"""The explorer's data in two parts at scale (issue #11): a light first display, the rest on demand.

The real catalogue is cut into pages of 20 records here, so that the real records take
the path a 10,000-programme catalogue takes (first file: labels, first records, counts;
`-suite` file: every record), checked in Chromium from file://.
"""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

from conftest import ROOT
from coopdec import explorer, load_catalogue

CAT = load_catalogue(ROOT / "data", ROOT)
PAGE = """<!doctype html><html lang="fr"><meta charset="utf-8"><title>explorateur</title>
<div class="cd-explorateur" data-jeu="{jeu}" data-base=""></div>
<script src="assets/catalogue/donnees-{jeu}.js"></script><script src="explorateur.js"></script></html>"""


def _load(script: str) -> dict:
    name, _, value = script.partition("=")
    return json.loads(value.rstrip().rstrip(";"))


def _decode(block: dict, jeu: str, ordre: dict[str, list[str]]) -> list[dict]:
    """What explorateur.js's decoder does, in Python: columns back to explorer_data's records."""
    out = []
    for i in range(len(block["id"])):
        r = {k: block[k][i] for k in explorer._TEXTE[jeu]}
        r.update({k: ordre[s][block[k][i]] for k, s in explorer._INDEX[jeu].items()})
        r.update({k: [ordre[s][j] for j in block[k][i]] for k, s in explorer._LISTES[jeu].items()})
        if "x" in block:
            r["x"] = " ".join(block["termes"][j] for j in block["x"][i])
        if i in block["tous"]:
            r["tous"] = 1
        out.append(r)
    return out


@pytest.mark.parametrize("jeu", explorer.JEUX)
def test_columns_give_back_every_record(monkeypatch, jeu):
    monkeypatch.setattr(explorer, "PAGE", 20)
    data, files = explorer.explorer_data(CAT), explorer.explorer_files(CAT)
    first, suite = _load(files[f"donnees-{jeu}.js"]), _load(files[f"donnees-{jeu}-suite.js"])
    ordre = {k: [p[0] for p in v] for k, v in first["labels"].items()}
    assert ordre == data["ordre"]
    expected = [{**r, "o": [str(o) for o in r["o"]]} if "o" in r else r for r in data[jeu]]
    assert _decode(suite, jeu, ordre) == expected
    assert _decode(first["premiers"], jeu, ordre) == [{k: v for k, v in r.items() if k != "x"} for r in expected[:20]]
    assert first["total"] == len(expected) and first["suite"] == f"donnees-{jeu}-suite.js"


def test_a_small_set_is_one_file():
    files = explorer.explorer_files(CAT)
    assert sorted(files) == ["donnees-contacts.js", "donnees-programmes.js"]  # the real catalogue: under one page each
    assert "suite" not in _load(files["donnees-programmes.js"])


def _site(tmp_path, monkeypatch, jeu):
    monkeypatch.setattr(explorer, "PAGE", 20)
    folder = tmp_path / "assets" / "catalogue"
    folder.mkdir(parents=True)
    for name, text in explorer.explorer_files(CAT).items():
        (folder / name).write_text(text, encoding="utf-8")
    assets = resources.files("coopdec").joinpath("assets")
    (tmp_path / "explorateur.js").write_text(assets.joinpath("analyse.js").read_text(encoding="utf-8")
                                             + assets.joinpath("explorateur.js").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / f"{jeu}.html").write_text(PAGE.format(jeu=jeu), encoding="utf-8")
    return (tmp_path / f"{jeu}.html").as_uri()


def _options(page):
    return page.eval_on_selector_all("select[data-cle] option",
                                     "els => els.map(e => e.parentNode.id + '=' + e.value + ' ' + e.textContent)")


def _count(page):
    return int(re.match(r"(\d+)", page.locator(".cd-compte").inner_text()).group(1))


@pytest.mark.browser
@pytest.mark.parametrize("jeu", explorer.JEUX)
def test_first_display_shows_the_first_page_and_loads_the_rest_when_touched(page, tmp_path, monkeypatch, jeu):
    page.goto(_site(tmp_path, monkeypatch, jeu))
    total = len(getattr(CAT, jeu))
    page.locator(".cd-compte").wait_for()
    assert page.locator(".cd-compte").inner_text() == f"{total} {jeu} sur {total}"
    assert page.locator(".cd-resultats tbody tr").count() == 20 and page.locator(".cd-plus").is_visible()
    assert page.evaluate("window.CD_SUITE === undefined")  # nothing more loaded before the reader acts
    before = _options(page)
    page.locator("#cd-q").focus()  # about to filter: the rest comes now
    page.wait_for_function("window.CD_SUITE !== undefined")
    page.locator("#cd-q").fill("")
    page.dispatch_event("select[data-cle]", "change")  # counts recomputed over every record
    assert _options(page) == before  # the counts shipped with the first display are the browser's own
    page.click(".cd-plus")
    assert page.locator(".cd-resultats tbody tr").count() == 40
    assert page.external_requests == [] and page.console_errors == []


@pytest.mark.browser
def test_a_filter_chosen_before_the_rest_is_loaded_applies_once_it_is(page, tmp_path, monkeypatch):
    page.goto(_site(tmp_path, monkeypatch, "programmes"))
    page.locator(".cd-compte").wait_for()
    page.select_option("#cd-zone", "sahel")
    page.wait_for_function("/ sur /.test(document.querySelector('.cd-compte').textContent)")
    expected = [p for p in CAT.programmes.values()
                if "sahel" in p.zones or any(CAT.pays[i].zone == "sahel" for i in [*p.pays, *(v.pays for v in p.villes)])
                or not (p.pays or p.villes or p.zones)]
    assert _count(page) == len(expected) and "zone=sahel" in page.url
    assert page.locator(".cd-resultats tbody tr").count() == min(20, len(expected))
    assert page.console_errors == []


@pytest.mark.browser
def test_a_shared_address_loads_everything_at_once(page, tmp_path, monkeypatch):
    page.goto(_site(tmp_path, monkeypatch, "programmes") + "#q=electrification%20afrique&tri=type")
    page.wait_for_function("/ sur /.test(document.querySelector('.cd-compte').textContent)")
    assert page.locator(".cd-resultats a[href='programmes/airf-electrification-rurale.html']").count() == 1
    assert page.locator("#cd-q").input_value() == "electrification afrique" and page.locator("#cd-tri").input_value() == "type"
    assert page.console_errors == []
