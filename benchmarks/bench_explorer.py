"""Explorer at catalogue scale, in headless Chromium (prints figures, asserts nothing).

Builds the explorer data for a synthetic catalogue (default 10,000 programmes,
5,000 contacts) as the build writes it, opens a page from file:// and times:
the first display (from the data script's start until the counter and the first
rows are drawn), then a first filter change (which loads the rest of a large
set), a second one, and a text query.

    .venv/bin/python benchmarks/bench_explorer.py [--programmes 10000]
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
from importlib import resources
from pathlib import Path

from bench_catalogue import write_synthetic
from playwright.sync_api import sync_playwright

from coopdec.catalogue import load_catalogue
from coopdec.explorer import explorer_files

# The build's page: the data, then the script (analysis first). The observer notes when
# the counter is first written (the first display) and each time it changes.
PAGE = """<!doctype html><html lang="fr"><meta charset="utf-8"><title>banc</title>
<div class="cd-explorateur" data-jeu="{jeu}" data-base=""></div>
<script>window.T0 = performance.now(); window.TS = [];
new MutationObserver(function () {{ var c = document.querySelector('.cd-compte');
  if (c && c.textContent && !/^Chargement/.test(c.textContent)) {{ window.TS.push(performance.now()); }} }})
  .observe(document.querySelector('.cd-explorateur'), {{ subtree: true, childList: true, characterData: true }});</script>
<script src="assets/catalogue/donnees-{jeu}.js"></script><script src="explorateur.js"></script></html>"""

CHANGE = """async ([sel, v]) => { const s = document.querySelector(sel); const n = window.TS.length; const t = performance.now();
    s.value = v; s.dispatchEvent(new Event('change'));
    while (window.TS.length === n) { await new Promise(r => setTimeout(r, 1)); }
    return window.TS[window.TS.length - 1] - t; }"""


def kb(path: Path) -> str:
    raw = path.read_bytes()
    return f"{len(raw) / 1024:.0f} Ko (gzip {len(gzip.compress(raw, 6)) / 1024:.0f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--programmes", type=int, default=10000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_synthetic(root / "data", args.programmes, args.programmes // 2)
        cat = load_catalogue(root / "data")
        folder = root / "assets" / "catalogue"
        folder.mkdir(parents=True)
        for name, text in explorer_files(cat).items():
            (folder / name).write_text(text, encoding="utf-8")
        assets = resources.files("coopdec").joinpath("assets")  # as the build writes it: the analysis first
        (root / "explorateur.js").write_text(assets.joinpath("analyse.js").read_text(encoding="utf-8")
                                             + assets.joinpath("explorateur.js").read_text(encoding="utf-8"))
        print(f"{args.programmes} programmes, {args.programmes // 2} contacts ; explorateur.js {kb(root / 'explorateur.js')}")
        for name in sorted(p.name for p in folder.iterdir()):
            print(f"  {name} : {kb(folder / name)}" + ("  (chargé après le premier affichage)" if "suite" in name else
                                                      "  (premier affichage)"))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            for jeu, select in (("programmes", "#cd-zone"), ("contacts", "#cd-pays")):
                page = browser.new_page()
                (root / f"{jeu}.html").write_text(PAGE.format(jeu=jeu), encoding="utf-8")
                page.goto((root / f"{jeu}.html").as_uri())
                page.wait_for_function("window.TS.length > 0")
                first = page.evaluate("window.TS[0] - window.T0")
                rows = page.locator(".cd-resultats tbody tr").count()
                values = [page.locator(f"{select} option").nth(i).get_attribute("value") for i in (1, 2)]
                change1 = page.evaluate(CHANGE, [select, values[0]])
                change2 = page.evaluate(CHANGE, [select, values[1]])
                page.fill("#cd-q", "cooperation")
                page.wait_for_timeout(400)
                typing = page.evaluate(CHANGE, [select, values[0]])
                heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
                print(f"{jeu} : premier affichage {first:.0f} ms ({rows} lignes) ; 1er filtre (charge la suite) {change1:.0f} ms ; "
                      f"filtre suivant {change2:.0f} ms ; texte + filtre {typing:.0f} ms ; tas JS {heap / 2**20:.0f} Mo")
            browser.close()


if __name__ == "__main__":
    main()
