"""Everything another engine needs, in one folder: `coopdec generate --out DOSSIER`.

Why: MkDocs 1.x is unmaintained and Zensical runs no MkDocs hooks. What our
hooks add to a MkDocs build is written here without MkDocs, so any Markdown
site generator can take the folder as its source (`docs_dir`):

- the generated pages and the hand-written pages with their directives expanded
  (and the sigles' definitions appended);
- the static files of `content/` (the catalogue's CSS and JS);
- `nav.yml`: the navigation of `mkdocs.yml` with the thématiques and zones expanded;
- the maps (`cartes/*.html`), Leaflet, the basemap and the polyfills;
- the open-data exports, the explorer data and script, the redirect pages of old ids,
  the licence notices.

Two steps stay engine-specific and are not done here: the accent-folded search
fields (they patch Material's search index) and the rewrite of the two CDN
addresses inside Material's bundle (see `offline.py`).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from .build import Project

NAV_FILE = "nav.yml"


def read_nav(root: Path) -> list[Any]:
    """The `nav:` of mkdocs.yml (plain YAML: the file uses no Python tags)."""
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8")) or {}
    return config.get("nav") or []


def write_source_folder(project: Project, out: Path, node_modules: Path | None = None) -> dict[str, list[Path]]:
    """Write the folder; returns what was written, by kind (for the CLI's summary and the tests)."""
    from .offline import copy_polyfills

    written: dict[str, list[Path]] = {"pages": project.write_pages(out), "fichiers": []}
    for source in sorted(p for p in project.content_dir.rglob("*") if p.is_file() and p.suffix != ".md"):
        target = out / source.relative_to(project.content_dir)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written["fichiers"].append(target)
    nav = out / NAV_FILE
    nav.write_text(yaml.safe_dump({"nav": project.nav(read_nav(project.root))}, allow_unicode=True, sort_keys=False),
                   encoding="utf-8")
    written["navigation"] = [nav]
    written["cartes"] = project.write_maps(out, node_modules)
    copy_polyfills(out, node_modules or project.root / "node_modules")
    written["donnees"] = project.write_site_files(out)
    written["recherche"] = project.write_search(out)  # engine-free index, worker and analysis script
    return written
