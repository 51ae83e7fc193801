"""Captures d'écran d'une liste fixe de pages, à 1366 px et à 390 px, avec le Chromium de Debian.

Usage : python scripts/screenshots.py [--site site] [--out captures] [page.html …]
Les images vont dans un dossier ignoré par git ; on les regarde avant et après un changement.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import threading
from pathlib import Path

PAGES = [
    "index.html", "chiffres-cles.html", "geographies/index.html", "geographies/afrique-de-l-ouest.html",
    "regions/index.html", "regions/corse.html", "regions/bretagne.html", "pays/madagascar.html", "pays/senegal.html",
    "programmes/index.html", "programmes/explorateur.html", "programmes/daect-appels-a-projets.html",
    "programmes/aimf-eau-assainissement.html", "contacts/index.html", "s-engager/financements.html", "acter.html",
    "cartes/monde.html", "cartes/france.html", "cartes/zone-sahel.html", "404.html",
]
WIDTHS = {"bureau": (1366, 900), "telephone": (390, 844)}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="site")
    parser.add_argument("--out", default="captures")
    parser.add_argument("--full", action="store_true", help="page entière (sinon le premier écran et 4 écrans de plus)")
    parser.add_argument("pages", nargs="*")
    args = parser.parse_args()
    site, out = Path(args.site).resolve(), Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"), headless=True,
                                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                          "--disable-component-update", "--disable-sync", "--no-first-run"])
        for label, (w, h) in WIDTHS.items():
            context = browser.new_context(locale="fr-FR", viewport={"width": w, "height": h})
            context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(base) else r.abort())
            page = context.new_page()
            for path in args.pages or PAGES:
                page.goto(f"{base}/{path}")
                page.wait_for_timeout(400)
                height = page.evaluate("document.documentElement.scrollHeight")
                name = out / f"{path.replace('/', '_').removesuffix('.html')}-{label}.png"
                page.screenshot(path=str(name), full_page=True,
                                clip=None if args.full or height <= 5 * h else {"x": 0, "y": 0, "width": w, "height": 5 * h})
                print(f"{name}  ({height} px de haut)")
            context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
