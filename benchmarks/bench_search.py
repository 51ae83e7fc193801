"""Search at catalogue scale, in headless Chromium, over http and file:// (prints figures, asserts nothing).

For synthetic catalogues (default 1,000, 10,000 and 20,000 programmes, contacts
at half) and the real one, the core builds the search index; it is placed in a
copy of the real built site, and a reader types queries in Material's header
box. Measured:

- time from the last keystroke (keyup) to the last change of the result list,
  cold (first query after the page loads) and warm (the next queries). The
  query is typed letter by letter, 25 ms apart; Material sends one query per
  keyup, so time spent on earlier keystrokes' queries, or waiting for them,
  counts; a result list counts as shown once it has not changed for 1.5 s;
- bytes served for the page's search up to the first query (raw, and gzip as
  a static host would send them);
- JS heap: the worker's (http) or the page's, which runs the file:// shim;
- index build time, files and size on disk.

At real size, the same figures for today's Material search (lunr built in the
browser), measured in the same run on a build that keeps Material's worker and
index.

Then lunr, MiniSearch and ours side by side at 10,000 programmes (bench_engines.py).

    .venv/bin/python benchmarks/bench_search.py [--sizes 1000 10000 20000] [--no-material] [--no-engines]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench_catalogue import write_synthetic
from playwright.sync_api import sync_playwright

from coopdec.catalogue import load_catalogue
from coopdec.render import render_site
from coopdec.search import FOLDER, search_files

ROOT = Path(__file__).resolve().parent.parent
SEARCH_PATHS = ("/search/", f"/{FOLDER}/", "/assets/javascripts/workers/", "/assets/javascripts/lunr/")
REAL_QUERIES = ["senegal", "burkina fasso", "énergies", "cooperation decentralisee", "sp@aimf.asso.fr"]
SYNTHETIC_QUERIES = ["partenariat", "cooperation 4321", "contact1234@example.org", "martin 77", "eau energie"]


class Counting(http.server.SimpleHTTPRequestHandler):
    """Serves the site and notes the search files it sends (sizes are added up later, off the request path)."""

    served: list[Path] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path.split("?")[0]
        if any(p in path for p in SEARCH_PATHS):
            target = Path(self.directory) / path.lstrip("/")
            if target.is_file():
                Counting.served.append(target)
        super().do_GET()


def sizes(paths: list[Path]) -> tuple[int, int]:
    """Raw and gzip bytes (level 6, as a static host sends them) of the files served."""
    data = [p.read_bytes() for p in paths]
    return sum(len(d) for d in data), sum(len(gzip.compress(d, 6)) for d in data)


def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


TIMER = """() => { window.__t = {key: 0, change: 0};
  document.addEventListener('keyup', () => { window.__t.key = performance.now(); }, true);
  new MutationObserver(() => { window.__t.change = performance.now(); })
    .observe(document.querySelector('.md-search-result'), {childList: true, subtree: true, characterData: true}); }"""


def one_query(page, query: str, timeout_s: float = 120) -> tuple[float, int]:
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")
    page.wait_for_timeout(200)
    page.evaluate("() => { window.__t.change = 0; }")
    box.press_sequentially(query, delay=25)
    start = time.monotonic()
    last, stable = None, 0
    while time.monotonic() - start < timeout_s:  # settled: no change for 1.5 s after a change that followed the last key
        page.wait_for_timeout(250)
        t = page.evaluate("window.__t")
        if t["change"] > t["key"] and t["change"] == last:
            stable += 1
            if stable == 6:
                break
        else:
            stable = 0
        last = t["change"]
    t = page.evaluate("window.__t")
    return t["change"] - t["key"], page.locator(".md-search-result__item").count()


def heap(browser, page) -> float:
    """JS heap in MiB: the page's under file:// (the worker shim runs in it), else the worker's, through CDP."""
    if page.url.startswith("file:"):
        return page.evaluate("performance.memory.usedJSHeapSize") / 2**20
    cdp = browser.new_browser_cdp_session()
    answers: list[dict] = []
    cdp.on("Target.receivedMessageFromTarget", lambda e: answers.append(json.loads(e["message"])))
    total = 0.0
    for target in cdp.send("Target.getTargets")["targetInfos"]:
        if target["type"] == "worker":
            session = cdp.send("Target.attachToTarget", {"targetId": target["targetId"], "flatten": False})["sessionId"]
            cdp.send("Target.sendMessageToTarget", {"sessionId": session,
                                                     "message": json.dumps({"id": 1, "method": "Runtime.getHeapUsage"})})
            for _ in range(50):  # events (workerScriptLoaded…) come too: wait for the answer itself
                done = [a for a in answers if a.get("id") == 1]
                if done:
                    total = max(total, done[0].get("result", {}).get("usedSize", 0))
                    break
                page.wait_for_timeout(100)
            answers.clear()
            cdp.send("Target.detachFromTarget", {"sessionId": session})
    cdp.detach()
    return total / 2**20


def measure(browser, url: str, queries: list[str]) -> dict:
    Counting.served = []
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(url)
    page.evaluate(TIMER)
    page.locator("input.md-search__input").click()
    cold, n = one_query(page, queries[0])
    first_bytes = sizes(list(Counting.served))
    warm = [one_query(page, q)[0] for q in queries[1:]]
    result = {"cold": cold, "warm": statistics.median(warm), "warm_max": max(warm), "results": n,
              "bytes": first_bytes, "heap": heap(browser, page)}
    context.close()
    return result


def index_size(site: Path) -> tuple[int, int]:
    files = [p for p in (site / FOLDER).rglob("*") if p.is_file()]
    files += [p for p in (site / "search").glob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def build_real(project: Path, site: Path, keep_material: bool) -> float:
    if keep_material:  # today's search: Material's worker and index, as before this index existed
        (project / "overrides" / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
        hook = project / "hooks" / "catalogue.py"
        text = hook.read_text(encoding="utf-8")
        patched = (text.replace("_project.empty_material_index(", "(lambda _: None)(")  # Material's index kept
                   .replace('page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}', "pass"))  # and filled
        assert patched.count("(lambda _: None)(") == 1 and '"exclude": True' not in patched, "hooks/catalogue.py a changé"
        hook.write_text(patched, encoding="utf-8")
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
                   cwd=project, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    return time.perf_counter() - t


def copy_project(dest: Path) -> Path:
    dest.mkdir()
    for name in ("mkdocs.yml", "hooks", "overrides", "data", "content", "LICENSE", "LICENCE-CONTENUS.md"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy2)(ROOT / name, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def install_index(base_site: Path, site: Path, n: int, root: Path) -> tuple[float, int, int]:
    """Build the index of a synthetic catalogue and put it in a copy of the real site."""
    write_synthetic(root / f"data-{n}", n, n // 2)
    cat = load_catalogue(root / f"data-{n}")
    pages = [p for p in render_site(cat) if not p.path.startswith(("programmes/", "contacts/", "organisations/", "pays/"))]
    t = time.perf_counter()
    built, files = search_files(cat, ROOT / "content", pages)
    build_time = time.perf_counter() - t
    shutil.copytree(base_site, site, symlinks=True)
    shutil.rmtree(site / FOLDER)
    for path, text in files.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text, encoding="utf-8")
    return build_time, built.documents, built.terms


def row(label: str, mode: str, m: dict, files: int, size: int, build: float | str) -> str:
    raw, gz = m["bytes"]
    build_s = f"{build:.1f} s" if isinstance(build, float) else build
    served = f"{raw / 1024:>9.0f} {gz / 1024:>8.0f}" if mode == "http" else f"{'(idem)':>9} {'':>8}"
    return (f"{label:<22} {mode:<6} {m['cold']:>8.0f} {m['warm']:>8.0f} {m['warm_max']:>8.0f} {served} "
            f"{m['heap']:>7.0f} {build_s:>8} {files:>6} {size / 2**20:>7.1f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 20000])
    parser.add_argument("--no-material", action="store_true")
    parser.add_argument("--no-engines", action="store_true", help="skip lunr and MiniSearch side by side (bench_engines.py)")
    args = parser.parse_args()
    print("Recherche : ms du dernier keyup au dernier changement de la liste ; Ko servis jusqu'à la 1re requête (brut, gzip) ;"
          " tas JS en Mo (worker en http, page sous file://)")
    print(f"{'catalogue':<22} {'accès':<6} {'froid':>8} {'chaud':>8} {'chaud+':>8} {'Ko brut':>9} {'Ko gzip':>8} "
          f"{'tas':>7} {'index':>8} {'fichiers':>6} {'Mo':>7}")
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        root = Path(tmp)
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--enable-precise-memory-info", "--disable-background-networking"])
        sites = {"ours": root / "site"}
        t_ours = build_real(copy_project(root / "p-ours"), sites["ours"], keep_material=False)
        if not args.no_material:
            sites["material"] = root / "site-material"
            t_mat = build_real(copy_project(root / "p-material"), sites["material"], keep_material=True)
        print(f"(construction du site réel : {t_ours:.0f} s avec cet index" +
              ("" if args.no_material else f", {t_mat:.0f} s avec celui de Material") + ")")
        figures = {}
        warm_up = browser.new_page()  # the browser's first page pays for its own start-up, not a search
        warm_up.goto((sites["ours"] / "index.html").as_uri())
        warm_up.close()
        for label, site in sites.items():
            files, size = index_size(site)
            server, base = serve(site)
            for mode, url in (("http", f"{base}/index.html"), ("file", (site / "index.html").as_uri())):
                m = measure(browser, url, REAL_QUERIES)
                name = "réel, ce site" if label == "ours" else "réel, Material (lunr)"
                print(row(name, mode, m, files, size, "à la constr." if label == "material" else "—"), flush=True)
            server.shutdown()
        for n in args.sizes:
            site = root / f"site-{n}"
            build, docs, terms = install_index(sites["ours"], site, n, root)
            files, size = index_size(site)
            server, base = serve(site)
            for mode, url in (("http", f"{base}/index.html"), ("file", (site / "index.html").as_uri())):
                m = measure(browser, url, SYNTHETIC_QUERIES)
                figures[(n, mode)] = (m, size, build)
                print(row(f"{n} prog. ({docs} docs)", mode, m, files, size, build), flush=True)
            server.shutdown()
            shutil.rmtree(site)
        browser.close()
    if 10000 in args.sizes and 20000 in args.sizes:
        for mode in ("http", "file"):
            a, b = figures[(10000, mode)], figures[(20000, mode)]
            served = f"octets 1re requête ×{b[0]['bytes'][0] / a[0]['bytes'][0]:.2f}, " if mode == "http" else ""
            print(f"croissance 20k/10k ({mode}) : froid ×{b[0]['cold'] / a[0]['cold']:.2f}, chaud ×{b[0]['warm'] / a[0]['warm']:.2f}, "
                  f"{served}taille ×{b[1] / a[1]:.2f}, construction ×{b[2] / a[2]:.2f}")
    if not args.no_engines:
        import bench_engines  # imports this module: loaded only when asked

        bench_engines.run()


if __name__ == "__main__":
    main()
