"""The editors' loop, for real: `mkdocs serve --dirty` (what `make serve` runs) on a copy of the project.

Not timed (benchmarks/bench_serve.py measures it): an edit of the data shows on the served page,
a broken edit is refused in French at its file:line, and the next good edit shows. (While a
rebuild has failed, MkDocs holds the browser's requests until the error is fixed: its design.)
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import copy_project

PAGE = "programmes/aimf-eau-assainissement.html"
TITLE = "titre: Eau et assainissement avec l'AIMF"


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def _wait(url: str, text: str, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        body = _get(url)
        if body is not None and text in body:
            return True
        time.sleep(0.2)
    return False


def test_an_edit_shows_a_broken_edit_is_refused_in_french_and_the_next_edit_shows(tmp_path):
    project = copy_project(tmp_path)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = open(tmp_path / "serve.log", "w+", encoding="utf-8")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}/guide-cooperation-decentralisee/{PAGE}"
    data = project / "data" / "programmes.yaml"
    original = data.read_text(encoding="utf-8")
    try:
        assert _wait(url, "AIMF", 600), "le site servi ne répond pas"
        time.sleep(1.5)  # the watcher settles after the first build
        data.write_text(original.replace(TITLE, TITLE + " (première modification)", 1), encoding="utf-8")
        assert _wait(url, "première modification", 300), "la modification n'apparaît pas"
        time.sleep(1.5)
        data.write_text(original.replace(TITLE, TITLE + " (deuxième)\n  titre: doublon", 1), encoding="utf-8")
        end = time.monotonic() + 300
        while time.monotonic() < end and "erreur" not in (tmp_path / "serve.log").read_text(encoding="utf-8"):
            time.sleep(0.2)
        logged = (tmp_path / "serve.log").read_text(encoding="utf-8")
        assert "clé « titre » répétée" in logged and "data/programmes.yaml:" in logged, logged[-2000:]
        time.sleep(1.5)
        data.write_text(original.replace(TITLE, TITLE + " (troisième)", 1), encoding="utf-8")
        assert _wait(url, "troisième", 300), "le site ne repart pas après la correction"
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
