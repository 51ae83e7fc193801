"""The editors' loop: with `make serve` running on the real data, edit data/programmes.yaml and
time until the served page shows the edit (prints figures, asserts nothing).

    .venv/bin/python benchmarks/bench_serve.py [--edits 3]

Runs in a throwaway copy of the project, `mkdocs serve --dirty` as `make serve` does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE = "programmes/aimf-eau-assainissement.html"
TITLE = "titre: Eau et assainissement avec l'AIMF"


def copy_project(dest: Path) -> Path:
    for name in ("mkdocs.yml", "hooks", "overrides", "data", "content", "LICENSE", "LICENCE-CONTENUS.md"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, dest / name)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    return dest


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8")
    except OSError:
        return None


def wait_for(url: str, text: str, timeout: float) -> float | None:
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        body = fetch(url)
        if body is not None and text in body:
            return time.perf_counter() - t0
        time.sleep(0.05)
    return None


def measure(edits: int) -> tuple[float | None, list[float | None]]:
    """Seconds to the first page, and seconds from each write of programmes.yaml to the served change."""
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                                  cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}/guide-cooperation-decentralisee/{PAGE}"  # site_url's path
        try:
            start = wait_for(url, "AIMF", 300)
            data = project / "data" / "programmes.yaml"
            times = []
            for n in range(edits):
                time.sleep(1.5)  # let the watcher settle after the previous build
                text = data.read_text(encoding="utf-8")
                marker = f"modifié {n}"
                previous = f" ({'modifié ' + str(n - 1)})" if n else ""
                data.write_text(text.replace(TITLE + previous, f"{TITLE} ({marker})", 1), encoding="utf-8")
                times.append(wait_for(url, marker, 120))
            return start, times
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    start, times = measure(args.edits)
    shown = [f"{t:.1f} s" if t is not None else "pas vu en 120 s" for t in times]
    ok = [t for t in times if t is not None]
    print(f"make serve (données réelles) : premier affichage {start:.1f} s ; modification de data/programmes.yaml → page à jour : "
          f"{', '.join(shown)} (médiane {statistics.median(ok):.1f} s)" if ok else "aucune modification vue")


if __name__ == "__main__":
    main()
