"""Byte-identical rebuilds: two fresh copies of the repository, built on two different days.

Heavy (three whole builds, about three minutes here): marked `heavy`, run by
`make test` and the CI. The builds are shared by the tests of this module:
copy A is published under one system date and time zone, copy B under another
(libfaketime, Debian package `faketime`), and ProperDocs builds copy B again,
on a third date, so the engine comparison costs one build, not two.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from coopdec.publish import DOWNLOADS, ZIP_NAME

pytestmark = [pytest.mark.heavy, pytest.mark.build]
FAKETIME = shutil.which("faketime")
BIN = Path(sys.executable).parent
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _fresh_copy(dest: Path) -> Path:
    """What `git clone` gives: the tracked files (and new ones not ignored), with new modification times."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            check=True, capture_output=True, text=True).stdout.split("\0")
    for rel in filter(None, listed):
        if (ROOT / rel).is_file():
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(ROOT / rel, dest / rel)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")  # installed from package-lock.json
    return dest


def _run(date: str, tz: str, command: list[str], cwd: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(TZ=tz, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([FAKETIME, date, *command], cwd=cwd, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _tree(folder: Path, skip: str = "") -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and not (skip and p.relative_to(folder).as_posix().startswith(skip))}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    if not FAKETIME:
        pytest.fail("faketime introuvable : lancez `make test`, qui l'installe (paquet Debian faketime)")
    base = tmp_path_factory.mktemp("clones")
    a, b = _fresh_copy(base / "a"), _fresh_copy(base / "b")
    coopdec = [str(BIN / "coopdec"), "publish"]
    _run("2026-01-15 09:00:00", "Europe/Paris", coopdec, a)
    _run("2027-06-30 23:30:00", "Pacific/Auckland", coopdec, b)
    _run("2028-02-29 12:00:00", "America/Cayenne", [str(BIN / "properdocs"), "build", "--strict", "--quiet",
                                                    "-f", "mkdocs.yml", "-d", "site-properdocs"], b)
    return {"a": a, "b": b}


def _differences(one: dict[str, bytes], two: dict[str, bytes]) -> list[str]:
    return sorted(set(one) ^ set(two)) + sorted(k for k in set(one) & set(two) if one[k] != two[k])


def test_two_fresh_clones_on_two_days_build_byte_identical_sites_and_zips(builds):
    a, b = builds["a"], builds["b"]
    assert (a / "dist" / ZIP_NAME).read_bytes() == (b / "dist" / ZIP_NAME).read_bytes()
    tree_a, tree_b = _tree(a / "site"), _tree(b / "site")
    assert len(tree_a) > 800
    assert not _differences(tree_a, tree_b), _differences(tree_a, tree_b)[:10]
    # The sitemap is dated from the data (newest `mis_a_jour`), not from either build day.
    sitemap = tree_a["sitemap.xml"].decode()
    assert "<lastmod>2026-01-15" not in sitemap and "<lastmod>2027-06-30" not in sitemap
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", sitemap)) == {"2024-11-01"}


def test_the_zip_carries_licences_and_no_source_maps(builds):
    import zipfile

    with zipfile.ZipFile(builds["a"] / "dist" / ZIP_NAME) as zf:
        names = zf.namelist()
        notices = {n.rsplit("/", 1)[-1] for n in names if "/licences/" in n}
        assert {"LISEZMOI.txt", "leaflet.txt", "iframe-worker.txt", "resize-observer-polyfill.txt", "world-atlas.txt",
                "natural-earth.txt", "mkdocs-material.txt", "coopdec-code.txt", "contenus-et-donnees.txt"} <= notices
        leaflet = zf.read(next(n for n in names if n.endswith("/licences/leaflet.txt"))).decode()
        assert "BSD 2-Clause" in leaflet and "Agafonkin" in leaflet
    assert not [n for n in names if n.endswith(".map")]
    assert any(n.endswith(".map") for n in _tree(builds["a"] / "site")), "the online site keeps them for developers"


def test_properdocs_builds_the_same_site_but_for_the_generator_tag(builds):
    mkdocs = _tree(builds["a"] / "site", skip=DOWNLOADS + "/")
    properdocs = _tree(builds["b"] / "site-properdocs")
    assert set(mkdocs) == set(properdocs)
    differ = [k for k in mkdocs if mkdocs[k] != properdocs[k]]
    assert differ and all(k.endswith(".html") for k in differ)  # the generator tag is in every page
    assert b"ProperDocs" in properdocs["index.html"]
    still = [k for k in differ if GENERATOR.sub(b"", mkdocs[k]) != GENERATOR.sub(b"", properdocs[k])]
    assert not still, still[:10]
