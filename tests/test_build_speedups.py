"""The build's shortcuts change no byte of the site.

The menu cache (overrides/partials/nav.html, coopdec.chrome.NavCache) and the
second build process (coopdec.parallel) exist only for speed: the same project
built without them must give the same files, byte for byte.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import copy_project


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_site_without_the_shortcuts_is_byte_identical(built_site, tmp_path):
    project = copy_project(tmp_path)
    (project / "overrides" / "partials" / "nav.html").unlink()  # Material's menu rendered on every page
    site = tmp_path / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COOPDEC_PROCESSUS": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site)], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    plain, fast = _files(site), _files(built_site)
    assert sorted(plain) == sorted(fast)
    differ = [name for name in plain if plain[name] != fast[name]]
    assert not differ, f"{len(differ)} fichiers diffèrent, dont {differ[:5]}"


def test_menu_cache_keys():
    """Pages in the menu are always rendered; others share one render per folder."""
    from types import SimpleNamespace as NS

    from coopdec.chrome import NavCache

    home, guide = NS(url="index.html"), NS(url="s-engager/index.html")
    nav = NS(pages=[home, guide])
    cache = NavCache()
    assert cache.key(home, nav) == cache.key(guide, nav) == ""
    a, b, c = NS(url="programmes/a.html"), NS(url="programmes/b.html"), NS(url="contacts/c.html")
    assert cache.key(a, nav) == cache.key(b, nav) != cache.key(c, nav)
    assert cache.key(NS(url="programmes/a/"), nav) != cache.key(a, nav)  # directory URLs: one level deeper
    assert not cache.known(cache.key(a, nav))
    assert cache.html(cache.key(a, nav), "<nav>…</nav>") == "<nav>…</nav>"
    assert cache.known(cache.key(b, nav)) and cache.html(cache.key(b, nav)) == "<nav>…</nav>"
    assert not cache.known("")  # never cached: a menu page


def test_links_are_checked_across_the_two_processes(built_site, tmp_path):
    """Dead links and missing anchors are reported whichever process rendered the page or its target.

    Two pages outside the menu, side by side in the split (so one per process), each link to every
    programme page (both halves) with an anchor that does not exist, and to a missing page."""
    programmes = sorted(p.stem for p in (built_site / "programmes").glob("*.html")
                        if p.stem not in ("index", "explorateur"))
    project = copy_project(tmp_path)
    for name in ("hors-menu-a", "hors-menu-b"):
        lines = [f"# {name}", "", f"Voir [une page](absente-{name}.md).", ""]
        lines += [f"[{p}](programmes/{p}.md#nulle-part)" for p in programmes]  # « n'a pas d'ancre », one line each
        (project / "content" / f"{name}.md").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COOPDEC_PROCESSUS": "2"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
                             "-d", str(tmp_path / "site")], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    for name in ("hors-menu-a", "hors-menu-b"):
        assert f"content/{name}.md:5:1: erreur: lien mort « absente-{name}.md »" in result.stderr, result.stderr[-3000:]
        reported = [line for line in result.stderr.splitlines()
                    if line.startswith(f"content/{name}.md:") and "#nulle-part" in line]
        assert len(reported) == len(programmes), (name, len(reported), len(programmes))
