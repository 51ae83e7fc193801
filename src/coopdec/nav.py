"""Navigation entries for the generated pages that belong in the sidebar.

Titles are HTML text (markup.text_html): MkDocs prints nav titles unescaped.

Only the small bounded sets (thématiques, zones, raisons) go in the navigation;
programmes and contacts, which grow with the catalogue, are
reached through index pages, so every page's HTML stays small at scale.
"""

from __future__ import annotations

from typing import Any

from .catalogue import Catalogue
from .markup import text_html
from .render import url

THEMES_INDEX = "thematiques/index.md"
ZONES_INDEX = "geographies/index.md"
RAISONS_INDEX = "pourquoi/index.md"


def _themes(cat: Catalogue) -> list[Any]:
    # Thématiques only: each page lists its sous-thématiques. The 32 sous-thématiques in
    # the sidebar cost ~9 kB on every page (Material renders the whole tree in each page).
    return [{text_html(f"{t.numero} {t.titre}"): url("theme", t.id)} for t in sorted(cat.thematiques.values(), key=lambda t: int(t.numero))]


def _zones(cat: Catalogue) -> list[Any]:
    # Zones only: their pages list and map their countries. Countries in the sidebar cost
    # ~60 kB on every page of the site (Material renders the whole tree in each page).
    from .render import PARTENAIRES_RECHERCHES

    ordered = sorted(cat.zones.values(), key=lambda z: int(z.numero))
    zones: list[Any] = [{text_html(f"{z.numero}. {z.titre}"): url("zone", z.id)} for z in ordered]
    if any(p.partenaires_recherches for p in cat.pays.values()):
        zones.append({"Partenaires recherchés": PARTENAIRES_RECHERCHES})
    return zones


def expand_nav(nav: list[Any], cat: Catalogue) -> list[Any]:
    """Replace the entries pointing at the two index pages by full sections."""
    out: list[Any] = []
    for entry in nav:
        if isinstance(entry, dict) and len(entry) == 1:
            (title, value), = entry.items()
            if value == THEMES_INDEX:
                out.append({title: [THEMES_INDEX, *_themes(cat)]})
                continue
            if value == ZONES_INDEX:
                out.append({title: [ZONES_INDEX, *_zones(cat)]})
                continue
            if value == RAISONS_INDEX and cat.raisons:
                raisons = sorted(cat.raisons.values(), key=lambda r: int(r.numero))
                out.append({title: [RAISONS_INDEX, *({text_html(f"{r.numero}. {r.titre}"): url("raison", r.id)} for r in raisons)]})
                continue
        out.append(entry)
    return out
