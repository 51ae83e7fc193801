"""Explorer at catalogue scale, in headless Chromium (prints figures, asserts nothing).

Builds the explorer data for a synthetic catalogue (default 10,000 programmes,
5,000 contacts) and times, in the browser, the first display and a filter change.

    .venv/bin/python benchmarks/bench_explorer.py [--programmes 10000]
"""

from __future__ import annotations

import argparse
import tempfile
from importlib import resources
from pathlib import Path

from bench_catalogue import write_synthetic
from playwright.sync_api import sync_playwright

from coopdec.catalogue import load_catalogue
from coopdec.explorer import explorer_script

PAGE = """<!doctype html><html lang="fr"><meta charset="utf-8"><title>banc</title>
<div class="cd-explorateur" data-jeu="{jeu}"></div>
<script>window.T0 = performance.now();</script>
<script src="donnees-{jeu}.js"></script><script src="explorateur.js"></script>
<script>window.T1 = performance.now();</script></html>"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--programmes", type=int, default=10000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_synthetic(root / "data", args.programmes, args.programmes // 2)
        cat = load_catalogue(root / "data")
        for jeu in ("programmes", "contacts"):
            (root / f"donnees-{jeu}.js").write_text(explorer_script(cat, jeu), encoding="utf-8")
        assets = resources.files("coopdec").joinpath("assets")  # as the build writes it: the analysis first
        (root / "explorateur.js").write_text(assets.joinpath("analyse.js").read_text(encoding="utf-8")
                                             + assets.joinpath("explorateur.js").read_text(encoding="utf-8"))
        sizes = {j: (root / f"donnees-{j}.js").stat().st_size / 2**20 for j in ("programmes", "contacts")}
        print(f"données de l'explorateur : {args.programmes} programmes ({sizes['programmes']:.1f} Mo), "
              f"{args.programmes // 2} contacts ({sizes['contacts']:.1f} Mo)")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            for jeu, select in (("programmes", "#cd-zone"), ("contacts", "#cd-pays")):
                page = browser.new_page()
                (root / f"{jeu}.html").write_text(PAGE.format(jeu=jeu), encoding="utf-8")
                page.goto((root / f"{jeu}.html").as_uri())
                page.locator(".cd-compte").wait_for()
                load = page.evaluate("window.T1 - window.T0")
                value = page.locator(f"{select} option").nth(1).get_attribute("value")
                change = page.evaluate("""([sel, v]) => { const s = document.querySelector(sel); const t = performance.now();
                    s.value = v; s.dispatchEvent(new Event('change')); return performance.now() - t; }""", [select, value])
                typing = page.evaluate("""([sel]) => { const q = document.querySelector('#cd-q'); const s = document.querySelector(sel);
                    const t = performance.now(); q.value = 'cooperation'; s.dispatchEvent(new Event('change'));
                    return performance.now() - t; }""", [select])
                page.wait_for_timeout(300)
                heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : 0")
                print(f"{jeu} : chargement + premier affichage {load:.0f} ms ; changement de filtre {change:.0f} ms ; "
                      f"texte + filtre {typing:.0f} ms ; tas JS {heap / 2**20:.0f} Mo")
            browser.close()


if __name__ == "__main__":
    main()
