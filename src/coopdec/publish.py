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
from pathlib import Path


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


def publish(root: Path, site: Path, dist: Path) -> Path:
    site = site if site.is_absolute() else root / site
    partial = site.with_name(f".{site.name}.partial")
    old = site.with_name(f".{site.name}.old")
    shutil.rmtree(partial, ignore_errors=True)
    try:
        build_site(root, partial)
    except PublishError:
        shutil.rmtree(partial, ignore_errors=True)
        raise PublishError(f"la construction a échoué : le site publié ({site.name}/) n'a pas été modifié") from None
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        site.rename(old)
    partial.rename(site)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Site construit dans {site}")
    return site
