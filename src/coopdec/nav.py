"""Navigation entries for the generated pages that belong in the sidebar.

Only the bounded sets (thématiques, zones and their countries) go in the
navigation; programmes and contacts, which grow with the catalogue, are
reached through index pages, so every page's HTML stays small at scale.
"""

from __future__ import annotations

from typing import Any

from .catalogue import Catalogue
from .render import url

THEMES_INDEX = "thematiques/index.md"
ZONES_INDEX = "geographies/index.md"


def _themes(cat: Catalogue) -> list[Any]:
    out: list[Any] = []
    for t in sorted(cat.thematiques.values(), key=lambda t: int(t.numero)):
        sous = cat.sous_par_thematique.get(t.id, [])
        title = f"{t.numero} {t.titre}"
        if sous:
            out.append({title: [url("theme", t.id)] + [{f"{s.numero} {s.titre}": url("theme", s.id)} for s in sous]})
        else:
            out.append({title: url("theme", t.id)})
    return out


def _zones(cat: Catalogue) -> list[Any]:
    out: list[Any] = []
    for z in sorted(cat.zones.values(), key=lambda z: int(z.numero)):
        pays = cat.pays_par_zone.get(z.id, [])
        title = f"{z.numero}. {z.titre}"
        out.append({title: [url("zone", z.id)] + [{p.nom: url("pays", p.id)} for p in pays]} if pays else {title: url("zone", z.id)})
    return out


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
        out.append(entry)
    return out
