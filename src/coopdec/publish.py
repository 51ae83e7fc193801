"""Build the site without ever leaving a half-written one.

MkDocs writes straight into its output folder and cleans it first, so a
build that fails halfway would destroy the published site. We build into a
sibling folder and swap only when the build succeeded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ZIP_NAME = "guide-cooperation-decentralisee-hors-ligne.zip"
ZIP_FOLDER = "guide-cooperation-decentralisee"
DOWNLOADS = "telechargement"


class PublishError(Exception):
    pass


def build_site(root: Path, target: Path) -> None:
    """Run `mkdocs build --strict` into `target` (a subprocess: the core never imports mkdocs)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
               "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(target)]
    result = subprocess.run(command, cwd=root, env=env)
    if result.returncode != 0:
        raise PublishError("la construction du site a échoué (voir les messages ci-dessus)")


def write_zip(site: Path, target: Path) -> Path:
    """The offline edition: the whole site in one folder, byte-identical for identical input.

    Entries are sorted and dated 1980-01-01 so two builds of the same site give the same zip.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            rel = path.relative_to(site).as_posix()
            if rel.startswith(DOWNLOADS + "/"):
                continue  # the zip does not contain itself
            info = zipfile.ZipInfo(f"{ZIP_FOLDER}/{rel}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    partial.replace(target)
    return target


def publish(root: Path, site: Path, dist: Path) -> Path:
    site = site if site.is_absolute() else root / site
    partial = site.with_name(f".{site.name}.partial")
    old = site.with_name(f".{site.name}.old")
    dist = dist if dist.is_absolute() else root / dist
    shutil.rmtree(partial, ignore_errors=True)
    try:
        build_site(root, partial)
        archive = write_zip(partial, dist / ZIP_NAME)
        (partial / DOWNLOADS).mkdir(exist_ok=True)
        shutil.copy2(archive, partial / DOWNLOADS / ZIP_NAME)
    except PublishError:
        shutil.rmtree(partial, ignore_errors=True)
        raise PublishError(f"la construction a échoué : le site publié ({site.name}/) n'a pas été modifié") from None
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    partial.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Site construit dans {site} ; édition hors ligne : {dist / ZIP_NAME} "
          f"({(dist / ZIP_NAME).stat().st_size / 2**20:.1f} Mo)")
    return site
