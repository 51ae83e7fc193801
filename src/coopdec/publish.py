"""Build the site without ever leaving a half-written one.

MkDocs writes straight into its output folder and cleans it first, so a
build that fails halfway would destroy the published site. We build into a
sibling folder and swap only when the build succeeded. The swap is one
atomic exchange of the two folders (Linux `renameat2(RENAME_EXCHANGE)`), so
there is never a moment without `site/`; the zip is written beside `dist/`
and moved in whole, so no partial file ever sits inside it.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from .parallel import Beside

ZIP_NAME = "guide-cooperation-decentralisee-hors-ligne.zip"
GUIDE_ZIP_NAME = "guide-cooperation-decentralisee-guide-seul.zip"
# Past this size the single zip is slow to download and to unpack (tens of thousands of
# files): a guide-only edition, without the record pages, is published beside it.
GUIDE_SEUIL = 50 * 2**20
RECORD_FOLDERS = ("programmes", "contacts", "organisations")
KEEP = {"programmes/index.html", "programmes/explorateur.html", "contacts/index.html", "contacts/explorateur.html"}
ZIP_FOLDER = "guide-cooperation-decentralisee"
DOWNLOADS = "telechargement"


class PublishError(Exception):
    pass


def build_site(root: Path, target: Path) -> None:
    """Run `mkdocs build --strict` into `target` (a subprocess: the core never imports mkdocs)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    # No --quiet: it would keep warnings from being counted, and strict would never fail.
    command = [sys.executable, "-m", "mkdocs", "build", "--strict",
               "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(target)]
    result = subprocess.run(command, cwd=root, env=env)
    if result.returncode != 0:
        raise PublishError("la construction du site a échoué (voir les messages ci-dessus)")


def check_output(site: Path) -> None:
    """The whole-site safety scan (sitescan.py): a finding fails the build before anything is published."""
    _raise_on(_scan(site))


def _scan(site: Path) -> list:
    from .sitescan import scan_site

    return scan_site(site)


def _raise_on(findings: list) -> None:
    from .sitescan import report

    if findings:
        print(report(findings), file=sys.stderr)
        raise PublishError("le site construit contient du code inattendu")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux ≥ 3.15). False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _replace_dir(new: Path, target: Path) -> None:
    """Put `new` in place of `target`; `target` exists at every moment if it existed before."""
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists() and _exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the previous site
        return
    if target.exists():  # no atomic exchange here: the shortest possible gap
        target.rename(old)
    new.rename(target)
    shutil.rmtree(old, ignore_errors=True)


def is_record_page(rel: str) -> bool:
    """A programme, contact or organisation page (what the guide-only edition leaves out)."""
    return rel.split("/", 1)[0] in RECORD_FOLDERS and rel.endswith(".html") and rel not in KEEP


def write_zip(site: Path, target: Path, guide_only: bool = False) -> Path:
    """The offline edition: the whole site in one folder, byte-identical for identical input.

    Written beside `target`'s folder, then moved in: `dist/` never holds a partial file.
    """
    partial = zip_partial(site, target, guide_only)
    partial.replace(target)
    return target


def zip_partial(site: Path, target: Path, guide_only: bool = False) -> Path:
    """The zip of `site`, written beside `target`'s folder (not yet published); its path.

    Entries are sorted and dated 1980-01-01 so two builds of the same site give the same zip.
    Source maps stay out of it. Level 6 rather than 9: a third less CPU for 0.4 % more bytes
    (measured on the real site).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.parent.with_name(f".{target.parent.name}.{target.name}.partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            rel = path.relative_to(site).as_posix()
            if rel.startswith(DOWNLOADS + "/"):
                continue  # the zip does not contain itself
            if rel.endswith(".map"):
                continue  # source maps (1.3 MB) only serve developers' tools, never a reader
            if rel == "404.html":
                continue  # served by a web host only; its links are absolute (site_url), so useless over file://
            if guide_only and is_record_page(rel):
                continue
            info = zipfile.ZipInfo(f"{ZIP_FOLDER}/{rel}", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes(), compresslevel=6)
    return partial


def publish(root: Path, site: Path, dist: Path) -> Path:
    site = site if site.is_absolute() else root / site
    partial = site.with_name(f".{site.name}.partial")
    dist = dist if dist.is_absolute() else root / dist
    shutil.rmtree(partial, ignore_errors=True)
    try:
        build_site(root, partial)
        # The safety scan and the zip on both cores; the zip stays beside dist/ until the scan has passed.
        scan = Beside(lambda: _scan(partial))
        try:
            unchecked = zip_partial(partial, dist / ZIP_NAME)
        except BaseException:
            scan.cancel()
            raise
        try:
            _raise_on(scan.join())
        except BaseException:
            unchecked.unlink(missing_ok=True)
            raise
        archive = dist / ZIP_NAME
        unchecked.replace(archive)
        (partial / DOWNLOADS).mkdir(exist_ok=True)
        shutil.copy2(archive, partial / DOWNLOADS / ZIP_NAME)
        guide = dist / GUIDE_ZIP_NAME
        if archive.stat().st_size > GUIDE_SEUIL:
            shutil.copy2(write_zip(partial, guide, guide_only=True), partial / DOWNLOADS / GUIDE_ZIP_NAME)
        else:
            guide.unlink(missing_ok=True)
    except PublishError:
        shutil.rmtree(partial, ignore_errors=True)
        raise PublishError(f"la construction a échoué : le site publié ({site.name}/) n'a pas été modifié") from None
    _replace_dir(partial, site)
    print(f"Site construit dans {site} ; édition hors ligne : {dist / ZIP_NAME} "
          f"({(dist / ZIP_NAME).stat().st_size / 2**20:.1f} Mo)")
    return site
