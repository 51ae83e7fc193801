"""Search engines side by side on the same documents, in headless Chromium (prints figures, asserts nothing).

Issue #10 asks that the engine be chosen by measurement. For a synthetic
catalogue (default 10,000 programmes, contacts at half), the same search
documents (records with their weighted fields, pages by section) are indexed
three ways, each at build time:

- lunr: index prebuilt by the Python `lunr` package (the design card's), loaded
  by lunr.js (npm `lunr`) with `lunr.Index.load`, plus a store of the documents
  (url, title, kind, context, text) to show results, since lunr keeps none;
- MiniSearch (npm `minisearch`): index built in node, `JSON.stringify`, loaded by
  `MiniSearch.loadJSON`; it stores the same fields itself;
- ours: `coopdec.search` (dictionary, postings sharded by prefix, documents by
  blocks, loaded on demand).

Each engine runs in a worker behind the same four messages as Material's
(SETUP, READY, QUERY, RESULT), over http on loopback, one fresh browser context
each, the rounds alternating the order. Measured: bytes served from the
worker's start to the first result (raw, and gzip level 6 as a static host
sends them; engine library included), time from the worker's creation to the
first result (cold), median time of the next queries (warm, QUERY to RESULT,
no typing), the worker's JS heap after the queries, build time and size of the
index. The engines' own pipelines are used (lunr: English stemmer and stop
words; MiniSearch: prefix on the last word, one typo from 5 letters, all
words required): the figures compare loading and memory, not French
relevance.

    .venv/bin/python benchmarks/bench_engines.py [--programmes 10000] [--rounds 2]

`bench_search.py` (make bench-search) runs it at the end unless `--no-engines`.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from bench_catalogue import write_synthetic
from bench_search import heap, sizes
from lunr import lunr
from playwright.sync_api import sync_playwright

from coopdec.catalogue import load_catalogue
from coopdec.render import render_site
from coopdec.search import FOLDER, search_files
from coopdec.search.documents import page_documents, record_documents

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["partenariat", "cooperation 4321", "contact1234@example.org", "martin 77", "eau energie", "senegal"]
WEIGHTS = {10.0: "w10", 5.0: "w5", 3.0: "w3", 1.0: "w1"}

# Workers for the two libraries, speaking Material's messages like ours. Results are the
# first 20 stored documents (no snippet): enough to show that the query ran end to end.
LUNR_WORKER = """importScripts("lunr.min.js");
var idx, docs;
addEventListener("message", function (ev) {
  var m = ev.data;
  if (m.type === 0) {
    Promise.all(["index.json", "docs.json"].map(function (u) { return fetch(u).then(function (r) { return r.json(); }); }))
      .then(function (a) { idx = lunr.Index.load(a[0]); docs = a[1]; postMessage({ type: 1 }); });
  } else if (m.type === 2) {
    var mots = m.data.replace(/[:~^+*\\-]/g, " ").trim().split(/\\s+/);
    mots[mots.length - 1] += "*";  // prefix while typing, on the last word
    var hits = idx.search(mots.join(" ")).slice(0, 20);
    postMessage({ type: 3, data: { items: hits.map(function (h) { return [docs[+h.ref]]; }) } });
  }
});
"""
MINISEARCH_WORKER = """importScripts("minisearch.js");
var ms, OPTIONS = __OPTIONS__;
addEventListener("message", function (ev) {
  var m = ev.data;
  if (m.type === 0) {
    fetch("index.json").then(function (r) { return r.text(); })
      .then(function (t) { ms = MiniSearch.loadJSON(t, OPTIONS); postMessage({ type: 1 }); });
  } else if (m.type === 2) {
    var hits = ms.search(m.data, { prefix: function (t, i, all) { return i === all.length - 1; },
      fuzzy: function (t) { return t.length >= 5 ? 1 : 0; }, combineWith: "AND",
      boost: { w10: 10, w5: 5, w3: 3 } }).slice(0, 20);
    postMessage({ type: 3, data: { items: hits.map(function (h) { return [[h.url, h.title, h.kind, h.context, h.text]]; }) } });
  }
});
"""
MINISEARCH_OPTIONS = {"idField": "id", "fields": list(WEIGHTS.values()), "storeFields": ["url", "title", "kind", "context", "text"]}
MINISEARCH_BUILD = """const MiniSearch = require(process.argv[1]); const fs = require("fs");
const docs = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const ms = new MiniSearch(JSON.parse(process.argv[3])); ms.addAll(docs);
fs.writeFileSync(process.argv[4], JSON.stringify(ms));
"""

# cold: from the worker's creation (SETUP, READY, then the first query); warm: QUERY to RESULT.
HARNESS = """async ({url, queries, cold}) => {
  const t0 = performance.now(), w = cold ? new Worker(url) : window.__worker;
  const wait = type => new Promise(res => { const f = e => { if (e.data.type === type) {
    w.removeEventListener("message", f); res(e.data); } }; w.addEventListener("message", f); });
  if (cold) {
    const ready = wait(1);
    w.postMessage({type: 0, data: {config: {}, docs: [], options: {}}});
    await ready;
  }
  const times = [], counts = [];
  for (const q of queries) {
    const t = performance.now(), r = wait(3);
    w.postMessage({type: 2, data: q});
    const res = await r;
    times.push(performance.now() - (cold ? t0 : t));
    counts.push(res.data.items.length);
  }
  window.__worker = w;  // kept alive for the heap reading
  return {times, counts};
}"""


class Served(http.server.SimpleHTTPRequestHandler):
    """Serves one engine's folder and notes the files sent."""

    paths: list[Path] = []

    def log_message(self, *args):
        pass

    def do_GET(self):
        target = Path(self.directory) / self.path.split("?")[0].lstrip("/")
        if target.is_file() and target.suffix != ".html":
            Served.paths.append(target)
        super().do_GET()


def documents(n: int, root: Path):
    """The search documents of a synthetic catalogue, as our index sorts them, and our index files."""
    write_synthetic(root / f"data-{n}", n, n // 2)
    cat = load_catalogue(root / f"data-{n}")
    pages = [p for p in render_site(cat) if not p.path.startswith(("programmes/", "contacts/", "organisations/", "pays/"))]
    docs = sorted(record_documents(cat) + page_documents(ROOT / "content", pages), key=lambda d: d.url)
    t = time.perf_counter()
    _, ours = search_files(cat, ROOT / "content", pages)
    return docs, ours, time.perf_counter() - t


def flat(docs) -> list[dict]:
    out = []
    for i, d in enumerate(docs):
        row = {"id": i, "url": d.url, "title": d.title, "kind": d.kind, "context": d.context, "text": d.text}
        for w, name in WEIGHTS.items():
            row[name] = " ".join(text for weight, text in d.fields if weight == w)
        out.append(row)
    return out


def write_engines(rows: list[dict], ours: dict[str, str], root: Path) -> dict[str, tuple[Path, str, float]]:
    """Each engine's folder (served as the site root), its worker's path and its index build time."""
    built = {}
    folder = root / "ours"
    for path, text in ours.items():
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(text, encoding="utf-8")
    built["ours"] = (folder, f"{FOLDER}/recherche.js", 0.0)

    folder = root / "lunr"
    folder.mkdir()
    t = time.perf_counter()
    idx = lunr(ref="id", fields=[{"field_name": name, "boost": w} for w, name in WEIGHTS.items()],
               documents=[{k: r[k] for k in ("id", *WEIGHTS.values())} for r in rows])
    (folder / "index.json").write_text(json.dumps(idx.serialize(), separators=(",", ":")), encoding="utf-8")
    built["lunr"] = (folder, "worker.js", time.perf_counter() - t)
    (folder / "docs.json").write_text(json.dumps([[r["url"], r["title"], r["kind"], r["context"], r["text"]] for r in rows],
                                                 separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    shutil.copy(ROOT / "node_modules" / "lunr" / "lunr.min.js", folder)
    (folder / "worker.js").write_text(LUNR_WORKER, encoding="utf-8")

    folder = root / "minisearch"
    folder.mkdir()
    (root / "rows.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    t = time.perf_counter()
    subprocess.run(["node", "-e", MINISEARCH_BUILD, str(ROOT / "node_modules" / "minisearch" / "dist" / "cjs" / "index.cjs"),
                    str(root / "rows.json"),
                    json.dumps(MINISEARCH_OPTIONS), str(folder / "index.json")], check=True)
    built["minisearch"] = (folder, "worker.js", time.perf_counter() - t)
    shutil.copy(ROOT / "node_modules" / "minisearch" / "dist" / "umd" / "index.js", folder / "minisearch.js")
    (folder / "worker.js").write_text(MINISEARCH_WORKER.replace("__OPTIONS__", json.dumps(MINISEARCH_OPTIONS)),
                                      encoding="utf-8")
    return built


LIBRARIES = {"worker.js", "lunr.min.js", "minisearch.js", "recherche.js", "analyse.js"}


def index_bytes(folder: Path) -> tuple[int, int, int]:
    """Files and bytes of the index alone (documents' store included, engine scripts not)."""
    files = [p for p in folder.rglob("*") if p.is_file() and p.suffix in (".js", ".json") and p.name not in LIBRARIES]
    raw, gz = sizes(files)
    return len(files), raw, gz


def measure(browser, folder: Path, worker: str) -> dict:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Served, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    (folder / "bench.html").write_text("<!doctype html><title>bench</title>", encoding="utf-8")
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"http://127.0.0.1:{server.server_address[1]}/bench.html")
    Served.paths = []
    out = page.evaluate(HARNESS, {"url": worker, "queries": QUERIES[:1], "cold": True})
    first = sizes(list(Served.paths))
    more = page.evaluate(HARNESS, {"url": worker, "queries": QUERIES[1:], "cold": False})
    result = {"cold": out["times"][0], "warm": statistics.median(more["times"]),
              "warm_max": max(more["times"]), "counts": out["counts"] + more["counts"], "bytes": first,
              "heap": heap(browser, page)}
    context.close()
    server.shutdown()
    return result


def run(programmes: int = 10000, rounds: int = 2) -> None:
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        root = Path(tmp)
        docs, ours, ours_build = documents(programmes, root)
        built = write_engines(flat(docs), ours, root)
        built["ours"] = (*built["ours"][:2], ours_build)
        print(f"Moteurs côte à côte : {programmes} programmes, {len(docs)} documents ; requêtes {QUERIES}")
        print("ms depuis la création du worker jusqu'au 1er résultat (froid), puis QUERY→RESULT (chaud, médiane et max) ;"
              " Ko servis jusqu'au 1er résultat (brut, gzip niveau 6, bibliothèque comprise) ; tas JS du worker en Mo")
        print(f"{'moteur':<11} {'tour':>4} {'froid':>8} {'chaud':>7} {'chaud+':>7} {'Ko brut':>9} {'Ko gzip':>8} {'tas':>6}"
              f" {'index':>8} {'fichiers':>8} {'Mo brut':>8} {'Mo gzip':>8} résultats")
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--enable-precise-memory-info", "--disable-background-networking"])
        browser.new_page().close()  # the browser's start-up is paid before any engine
        order = ["lunr", "minisearch", "ours"]
        for r in range(rounds):
            for name in order if r % 2 == 0 else order[::-1]:
                folder, worker, build = built[name]
                m = measure(browser, folder, worker)
                files, raw, gz = index_bytes(folder)
                print(f"{name:<11} {r + 1:>4} {m['cold']:>8.0f} {m['warm']:>7.0f} {m['warm_max']:>7.0f} {m['bytes'][0] / 1024:>9.0f}"
                      f" {m['bytes'][1] / 1024:>8.0f} {m['heap']:>6.0f} {build:>7.1f}s {files:>8} {raw / 2**20:>8.1f}"
                      f" {gz / 2**20:>8.1f} {m['counts']}", flush=True)
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--programmes", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    run(args.programmes, args.rounds)


if __name__ == "__main__":
    main()
