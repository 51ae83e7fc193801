"""Measures of the built site and its offline edition (prints figures, asserts nothing).

    .venv/bin/python benchmarks/bench_site.py        # times `coopdec publish`, then measures site/ and dist/

Heaviest page: the HTML plus everything it loads at open (scripts, styles, images,
iframes and what they load), counted once each; the search index is counted
separately because Material loads it when search starts.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
REF = re.compile(r"""<(?:script|img|iframe)[^>]*\ssrc="([^"]+)"|<link[^>]*\shref="([^"]+\.css[^"]*)\"""")


def loads(page: Path, site: Path, seen: set[Path]) -> None:
    seen.add(page)
    if page.suffix != ".html":
        return
    for a, b in REF.findall(page.read_text(encoding="utf-8", errors="ignore")):
        ref = a or b
        if urlsplit(ref).scheme or ref.startswith("//"):
            continue
        target = (page.parent / unquote(urlsplit(ref).path)).resolve()
        if target.is_file() and target not in seen and site.resolve() in target.parents:
            loads(target, site, seen)


def main() -> None:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "coopdec", "publish"], cwd=ROOT, check=True)
    build = time.perf_counter() - t0
    site, zipf = ROOT / "site", ROOT / "dist" / "guide-cooperation-decentralisee-hors-ligne.zip"
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html" and "cartes" not in p.parts]
    maps = sorted((p for p in (site / "cartes").glob("*.html")), key=lambda p: p.stat().st_size)
    heaviest = []
    for page in pages:
        seen: set[Path] = set()
        loads(page.resolve(), site, seen)
        heaviest.append((sum(p.stat().st_size for p in seen), page, len(seen)))
    heaviest.sort(reverse=True)
    mb = 2 ** 20
    print(f"construction (coopdec publish, site + zip) : {build:.1f} s")
    print(f"site : {len(files)} fichiers, {sum(p.stat().st_size for p in files) / mb:.1f} Mo ; {len(pages)} pages")
    print(f"zip hors ligne : {zipf.stat().st_size / mb:.2f} Mo")
    size, page, n = heaviest[0]
    print(f"page la plus lourde à l'ouverture : {page.relative_to(site)} — {size / 1024:.0f} Ko en {n} fichiers")
    print(f"index de recherche (chargé à la première recherche) : {(site / 'search' / 'search_index.js').stat().st_size / 1024:.0f} Ko")
    print(f"cartes : {len(maps)} fichiers ; une carte de pays {(site / 'cartes' / 'pays-mali.html').stat().st_size / 1024:.1f} Ko, "
          f"la plus grosse {maps[-1].name} {maps[-1].stat().st_size / 1024:.1f} Ko ; fond de carte partagé "
          f"{(site / 'assets' / 'cartes' / 'fond.js').stat().st_size / 1024:.0f} Ko ; Leaflet "
          f"{sum(p.stat().st_size for p in (site / 'assets' / 'vendor' / 'leaflet').rglob('*') if p.is_file()) / 1024:.0f} Ko")


if __name__ == "__main__":
    main()
