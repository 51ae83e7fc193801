"""`make site` measured, at real size and at catalogue scale: ONE table (prints figures, asserts nothing).

    .venv/bin/python benchmarks/bench_site.py                          # real data (make bench)
    .venv/bin/python benchmarks/bench_site.py --sizes 1000 10000 20000 # synthetic, contacts at half (make bench-scale)

Each row runs `coopdec publish` (site + offline zip, what `make site` does) in a
throwaway copy of the project, then a plain Material build of the same Markdown
(`coopdec generate --out`, same theme, extensions and plugins, no hooks), one
after the other in the same run: on a shared machine absolute times drift, the
ratio much less. CPU is user + system of the whole process tree (the build's
second processes included); peak RSS is that of the largest process, and "mémoire (arbre)" the peak sum
of PSS over the whole process tree (shared pages counted once). Two ratios:
`make site` (safety scan and zip included) to plain Material, and, at real size,
`mkdocs build` with the catalogue's hooks to plain Material (what the hooks add).

Heaviest page: the HTML plus everything it loads at open (scripts, styles,
images, iframes and what they load), counted once each; the search index is
not counted (Material loads it when search starts).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from bench_catalogue import write_synthetic

ROOT = Path(__file__).resolve().parent.parent
REF = re.compile(r"""<(?:script|img|iframe)[^>]*\ssrc="([^"]+)"|<link[^>]*\shref="([^"]+\.css[^"]*)\"""")
MB = 2**20


def _tree_pss(root: int) -> int:
    """Proportional set size (kB) of a process and all its descendants: memory shared after a fork is
    counted once, split between the processes that share it."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def run(command: list[str], cwd: Path) -> tuple[float, float, float, float]:
    """Wall seconds, CPU seconds (process tree), peak RSS of the largest process (MB) and peak memory of
    the whole process tree (sum of PSS, sampled every 0.2 s, MB) of one command."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL)
    tree = [0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.2):
            tree[0] = max(tree[0], _tree_pss(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"échec : {' '.join(command)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, tree[0] / 1024


def project_copy(dest: Path, size: int | None) -> Path:
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "hooks", "overrides", "content", "LICENSE", "LICENCE-CONTENUS.md"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    if size is None:
        shutil.copytree(ROOT / "data", dest / "data")
    else:
        write_synthetic(dest / "data", size, size // 2)
    return dest


def plain_config(project: Path, docs: Path) -> Path:
    """The project's mkdocs.yml without our hooks: same theme, extensions, plugins and navigation
    (the one our hook expands, written out: without it Material would list every page in every page)."""
    from coopdec.build import Project

    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = Project.load(project).nav(config["nav"])
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config.update(docs_dir=str(docs), site_dir=str(project / "plain-site"), strict=False)
    # Our templates, less the menu cache (it needs our hooks): Material renders its menu on every page.
    overrides = project / "plain-overrides"
    shutil.copytree(project / "overrides", overrides)
    (overrides / "partials" / "nav.html").unlink()
    config["theme"]["custom_dir"] = str(overrides)
    path = project / "plain.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


@cache
def _refs(path: Path) -> tuple[Path, ...]:
    if path.suffix != ".html":
        return ()
    out = []
    for a, b in REF.findall(path.read_text(encoding="utf-8", errors="ignore")):
        ref = a or b
        if urlsplit(ref).scheme or ref.startswith("//"):
            continue
        target = (path.parent / unquote(urlsplit(ref).path)).resolve()
        if target.is_file():
            out.append(target)
    return tuple(out)


def opened(page: Path) -> int:
    """Bytes a browser fetches to open the page (each file once)."""
    seen, todo = set(), [page.resolve()]
    while todo:
        p = todo.pop()
        if p not in seen:
            seen.add(p)
            todo.extend(_refs(p))
    return sum(p.stat().st_size for p in seen)


def measure_site(site: Path, zipf: Path) -> dict[str, object]:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html" and "cartes" not in p.relative_to(site).parts]
    sizes = sorted(p.stat().st_size for p in pages)
    heavy = max(pages, key=opened)
    guide = zipf.with_name("guide-cooperation-decentralisee-guide-seul.zip")  # past 50 MB, beside the whole zip
    return {"pages": len(pages), "site": sum(p.stat().st_size for p in files) / MB, "zip": zipf.stat().st_size / MB,
            "guide": guide.stat().st_size / MB if guide.exists() else None,
            "heaviest": f"{heavy.relative_to(site).as_posix()} {opened(heavy) / 1024:.0f} Ko",
            "median": statistics.median(sizes) / 1024}


def bench(size: int | None, tmp: Path) -> dict[str, object]:
    project = project_copy(tmp / f"p{size or 'reel'}", size)
    site, dist = project / "site", project / "dist"
    wall, cpu, rss, tree = run([sys.executable, "-m", "coopdec", "--root", str(project), "publish", "--site", str(site),
                                "--dist", str(dist)], project)
    row = {"size": "réel" if size is None else f"{size} / {size // 2}", "wall": wall, "cpu": cpu, "rss": rss, "tree": tree}
    row.update(measure_site(site, dist / "guide-cooperation-decentralisee-hors-ligne.zip"))
    docs = project / "plain-docs"
    run([sys.executable, "-m", "coopdec", "--root", str(project), "generate", "--out", str(docs)], project)
    _, plain_cpu, _, _ = run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(plain_config(project, docs))], project)
    row["plain"] = plain_cpu
    row["hooks"] = None
    if size is None:  # the catalogue's hooks alone (no safety scan, no zip), as the issue compares them
        _, row["hooks"], _, _ = run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                                  "-d", str(project / "hooks-site")], project)
    shutil.rmtree(project)
    _refs.cache_clear()
    return row


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", nargs="+", default=["reel"], help="reel, or a number of programmes (contacts at half)")
    args = parser.parse_args()
    print(f"machine : {os.cpu_count()} cœurs, charge moyenne {os.getloadavg()[0]:.1f} au départ (machine partagée : "
          "comparez les rapports et le temps CPU plutôt que le temps écoulé)")
    head = (f"| {'programmes / contacts':<21} | {'mur':>7} | {'CPU':>7} | {'RSS max':>8} | {'mémoire (arbre)':>15} | {'pages':>6} "
            f"| {'site':>8} | {'zip':>8} | {'zip guide seul':>14} | {'page la plus lourde (à l ouverture)':<42} | {'page médiane':>12} "
            f"| {'Material seul (CPU)':>19} | {'rapport':>7} | {'mkdocs build avec hooks (CPU)':>32} | {'rapport':>7} |")
    print(head)
    print("|" + "|".join("-" * (len(c)) for c in head.split("|")[1:-1]) + "|")
    with tempfile.TemporaryDirectory() as tmp:
        for s in args.sizes:
            r = bench(None if s == "reel" else int(s), Path(tmp))
            print(f"| {r['size']:<21} | {r['wall']:>5.1f} s | {r['cpu']:>5.1f} s | {r['rss']:>5.0f} Mo | {r['tree']:>12.0f} Mo "
                  f"| {r['pages']:>6} | {r['site']:>5.1f} Mo | {r['zip']:>5.1f} Mo | "
                  + (f"{r['guide']:>11.1f} Mo" if r["guide"] else f"{'—':>14}") + f" | {r['heaviest']:<42} | {r['median']:>9.1f} Ko "
                  f"| {r['plain']:>17.1f} s | {r['cpu'] / r['plain']:>6.2f}× "
                  + (f"| {r['hooks']:>30.1f} s | {r['hooks'] / r['plain']:>6.2f}× |" if r["hooks"] else f"| {'—':>32} | {'—':>7} |"),
                  flush=True)


if __name__ == "__main__":
    main()
