"""What each map shows, as plain data (no Folium, no HTML): testable and deterministic.

The basemap is Natural Earth 1:110m (public domain) from the npm package
`world-atlas`, installed at install time; country codes come from
`world-countries`. We decode the TopoJSON ourselves (Folium's TopoJson pulls
a CDN script) and round coordinates to 0.01° to keep the one shared file small.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .text import cle_fr

if TYPE_CHECKING:  # the safety scan renders reference maps without loading the schema
    from .catalogue import Catalogue

# One colour per zone (numero 1-11), distinguishable and dark enough for white outlines.
ZONE_COLOURS = ["#1b9e77", "#66a61e", "#d95f02", "#7570b3", "#e7298a", "#1f78b4",
                "#a6761d", "#e6ab02", "#0b3c8c", "#555555", "#b2182b"]
OTHER = "#cfd8dc"


class BasemapError(Exception):
    pass


def _ring(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    points: list[list[float]] = []
    for k, i in enumerate(indices):
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points.extend([list(p) for p in (arc if k == 0 else arc[1:])])
    # Rings that cross the antimeridian (Russia, Fiji…) jump by ~360°: keep them continuous,
    # or Leaflet draws a band across the whole map.
    for j in range(1, len(points)):
        while points[j][0] - points[j - 1][0] > 180:
            points[j][0] = round(points[j][0] - 360, 2)
        while points[j][0] - points[j - 1][0] < -180:
            points[j][0] = round(points[j][0] + 360, 2)
    return points


def load_basemap(node_modules: Path) -> dict[str, Any]:
    """Natural Earth countries as GeoJSON, each feature with its ISO alpha-3 code."""
    topo_path = node_modules / "world-atlas" / "countries-110m.json"
    codes_path = node_modules / "world-countries" / "countries.json"
    if not topo_path.exists() or not codes_path.exists():
        raise BasemapError(f"fond de carte introuvable ({topo_path}) : lancez `make site`, qui installe les paquets npm")
    topo = json.loads(topo_path.read_text(encoding="utf-8"))
    numeric = {c["ccn3"]: c["cca3"] for c in json.loads(codes_path.read_text(encoding="utf-8")) if c.get("ccn3")}
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    features = []
    for geom in topo["objects"]["countries"]["geometries"]:
        iso3 = numeric.get(geom.get("id", ""))
        if geom["properties"].get("name") == "Kosovo":
            iso3 = "XKX"  # no ISO code: the provisional code used by the EU, as in our data
        if not iso3 or geom["type"] not in ("Polygon", "MultiPolygon"):
            continue
        polygons = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
        coords = [[_ring(r, arcs) for r in poly] for poly in polygons]
        features.append({"type": "Feature", "properties": {"iso3": iso3},
                         "geometry": {"type": "MultiPolygon", "coordinates": coords}})
    features.sort(key=lambda f: f["properties"]["iso3"])
    return {"type": "FeatureCollection", "features": features}


def bounds_of(basemap: dict[str, Any]) -> dict[str, list[list[float]]]:
    """[[south, west], [north, east]] per ISO3, using the largest polygon (no overseas islands)."""
    out = {}
    for f in basemap["features"]:
        polys = f["geometry"]["coordinates"]
        main = max(polys, key=lambda p: len(p[0]))
        lons = [p[0] for p in main[0]]
        lats = [p[1] for p in main[0]]
        out[f["properties"]["iso3"]] = [[min(lats), min(lons)], [max(lats), max(lons)]]
    return out


@dataclass
class MapSpec:
    """Everything a map shows. `countries` and `markers` carry links to record pages."""

    name: str  # file name in cartes/, without .html
    title: str
    countries: dict[str, dict[str, str]] = field(default_factory=dict)  # iso3 -> {colour, label, url}
    markers: list[dict[str, Any]] = field(default_factory=list)  # {lat, lon, label, url}
    bounds: list[list[float]] | None = None
    legend: list[tuple[str, str]] = field(default_factory=list)  # (colour, label)
    missing: list[str] = field(default_factory=list)  # shown in the text list: no shape at this scale
    regions: list[dict[str, Any]] = field(default_factory=list)  # French regions: {id, label, url, colour, rings, anchor, inset}
    basemap: bool = True  # the world basemap under the shapes (not under the France map's insets)

    def as_dict(self) -> dict[str, Any]:
        return {"name": self.name, "title": self.title, "countries": self.countries, "markers": self.markers,
                "bounds": self.bounds, "legend": [list(x) for x in self.legend], "missing": self.missing,
                "regions": self.regions, "fond": self.basemap}


def _zone_colour(cat: Catalogue, zone_id: str | None) -> str:
    if not zone_id:
        return OTHER
    return ZONE_COLOURS[(int(cat.zones[zone_id].numero) - 1) % len(ZONE_COLOURS)]


def _country_entry(cat: Catalogue, pays_id: str, colour: str | None = None) -> dict[str, str]:
    p = cat.pays[pays_id]
    return {"colour": colour or _zone_colour(cat, p.zone), "label": p.nom, "url": f"../pays/{p.id}.html"}


def _merge_bounds(boxes: list[list[list[float]]]) -> list[list[float]] | None:
    if not boxes:
        return None
    return [[min(b[0][0] for b in boxes), min(b[0][1] for b in boxes)],
            [max(b[1][0] for b in boxes), max(b[1][1] for b in boxes)]]


def _city_markers(cat: Catalogue, programmes: list[Any], pays: set[str] | None = None) -> list[dict[str, Any]]:
    """One marker per city; with `pays`, only cities of those countries (a zone map shows its zone)."""
    markers = {}
    for prog in programmes:
        for v in prog.villes:
            if v.lat is not None and v.lon is not None and (pays is None or v.pays in pays):
                key = (v.nom, v.lat, v.lon)
                markers.setdefault(key, {"lat": v.lat, "lon": v.lon, "label": f"{v.nom} : {prog.titre}",
                                         "url": f"../programmes/{prog.id}.html"})
    return [markers[k] for k in sorted(markers)]


def _countries_on_map(cat: Catalogue) -> list[str]:
    cited = {p for prog in cat.programmes.values() for p in prog.pays} | {v.pays for prog in cat.programmes.values() for v in prog.villes}
    cited |= {p for c in cat.contacts.values() for p in c.pays}
    return sorted({p.id for p in cat.pays.values() if p.contexte} | cited)


def map_world(cat: Catalogue, basemap_bounds: dict[str, Any]) -> MapSpec:
    spec = MapSpec("monde", "Carte du monde : pays du catalogue, par géographie")
    for pid in _countries_on_map(cat):
        iso3 = cat.pays[pid].iso3
        if iso3 in basemap_bounds:
            spec.countries[iso3] = _country_entry(cat, pid)
        else:
            spec.missing.append(pid)
    # A zone without countries of its own (« 1. Afrique », the whole continent) colours nothing: no legend entry.
    spec.legend = [(_zone_colour(cat, z.id), f"{z.numero}. {z.titre}") for z in sorted(cat.zones.values(), key=lambda z: int(z.numero))
                   if cat.pays_par_zone.get(z.id)]
    spec.legend.append((OTHER, "Pays cité, sans section dans le guide"))
    spec.bounds = [[-50.0, -170.0], [75.0, 180.0]]
    return spec


def map_zone(cat: Catalogue, zone_id: str, basemap_bounds: dict[str, Any]) -> MapSpec:
    zone = cat.zones[zone_id]
    spec = MapSpec(f"zone-{zone_id}", f"Carte : {zone.titre}")
    boxes = []
    for p in cat.pays_par_zone.get(zone_id, []):
        if p.iso3 in basemap_bounds:
            spec.countries[p.iso3] = _country_entry(cat, p.id)
            boxes.append(basemap_bounds[p.iso3])
        else:
            spec.missing.append(p.id)
    spec.markers = _city_markers(cat, cat.programmes_par_zone.get(zone_id, []), {p.id for p in cat.pays_par_zone.get(zone_id, [])})
    spec.bounds = _merge_bounds(boxes) or [[-50.0, -170.0], [75.0, 180.0]]
    spec.legend = [(_zone_colour(cat, zone_id), zone.titre)]
    return spec


def map_pays(cat: Catalogue, pays_id: str, basemap_bounds: dict[str, Any]) -> MapSpec:
    p = cat.pays[pays_id]
    spec = MapSpec(f"pays-{pays_id}", f"Carte : {p.nom}")
    if p.iso3 in basemap_bounds:
        spec.countries[p.iso3] = _country_entry(cat, pays_id)
        spec.bounds = basemap_bounds[p.iso3]
    else:
        spec.missing.append(pays_id)
    if p.zone:  # neighbours of the same zone, lighter, as links too
        for other in cat.pays_par_zone.get(p.zone, []):
            if other.id != pays_id and other.iso3 in basemap_bounds:
                spec.countries[other.iso3] = {**_country_entry(cat, other.id), "colour": OTHER}
    spec.markers = _city_markers(cat, cat.programmes_par_pays.get(pays_id, []), {pays_id})
    if spec.bounds is None:
        spec.bounds = [[-50.0, -170.0], [75.0, 180.0]]
    return spec


# Regional capitals (chefs-lieux) of the French regions, to place regional actors.
CHEFS_LIEUX = {
    "auvergne-rhone-alpes": (45.76, 4.84), "bourgogne-franche-comte": (47.32, 5.04), "bretagne": (48.11, -1.68),
    "centre-val-de-loire": (47.90, 1.90), "corse": (41.93, 8.74), "grand-est": (48.57, 7.75),
    "hauts-de-france": (50.63, 3.06), "ile-de-france": (48.86, 2.35), "normandie": (49.44, 1.10),
    "nouvelle-aquitaine": (44.84, -0.58), "occitanie": (43.60, 1.44), "pays-de-la-loire": (47.22, -1.55),
    "provence-alpes-cote-d-azur": (43.30, 5.37), "guadeloupe": (16.00, -61.73), "martinique": (14.60, -61.07),
    "guyane": (4.94, -52.33), "la-reunion": (-20.88, 55.45), "mayotte": (-12.78, 45.23),
}


REGION_AVEC = "#3949ab"  # a region with networks or contacts in the catalogue
REGION_SANS = "#9fa8da"


def map_france(cat: Catalogue, basemap_bounds: dict[str, Any], regions_geo: dict[str, Any] | None = None) -> MapSpec:
    """One shape per region, overseas in insets, each a link to its region page, names shown."""
    from .catalogue import contact_label

    spec = MapSpec("france", "Carte de France : les régions, avec leurs réseaux et contacts")
    by_region: dict[str, list[str]] = {}
    for o in sorted(cat.organisations.values(), key=lambda o: cle_fr(o.nom)):
        if o.region:
            by_region.setdefault(o.region, []).append(o.nom)
    for rid in sorted(cat.regions, key=lambda r: cle_fr(cat.regions[r].nom)):
        contacts = [contact_label(c, cat) for c in cat.contacts_par_region.get(rid, [])]
        names = by_region.get(rid, []) + contacts
        label = f"{cat.regions[rid].nom} : {', '.join(names)}" if names else f"{cat.regions[rid].nom} : aucun réseau ni contact cité"
        geo = (regions_geo or {}).get(rid)
        if geo:
            spec.regions.append({"id": rid, "label": cat.regions[rid].nom, "title": label, "url": f"../regions/{rid}.html",
                                 "colour": REGION_AVEC if names else REGION_SANS, "rings": geo["rings"],
                                 "anchor": geo["anchor"], "inset": geo["inset"]})
        elif names and rid in CHEFS_LIEUX:  # no shape: a point at the regional capital
            lat, lon = CHEFS_LIEUX[rid]
            spec.markers.append({"lat": lat, "lon": lon, "label": label, "url": f"../regions/{rid}.html"})
    if spec.regions:
        from .france_regions import BOUNDS

        spec.basemap = False
        spec.bounds = BOUNDS
        spec.legend = [(REGION_AVEC, "Région avec un réseau ou un contact cité"), (REGION_SANS, "Région sans réseau ni contact cité")]
    else:
        spec.bounds = [[41.3, -5.2], [51.1, 9.6]]
        if "FRA" in basemap_bounds:
            spec.countries["FRA"] = {"colour": "#90a4ae", "label": "France", "url": "../regions/index.html"}
    return spec


def all_maps(cat: Catalogue, basemap_bounds: dict[str, Any], regions_geo: dict[str, Any] | None = None) -> list[MapSpec]:
    specs = [map_world(cat, basemap_bounds), map_france(cat, basemap_bounds, regions_geo)]
    specs += [map_zone(cat, z, basemap_bounds) for z in sorted(cat.zones)]
    specs += [map_pays(cat, p, basemap_bounds) for p in sorted(cat.pays)]
    for spec in specs:  # a keyboard-reachable link at the middle of each linked country
        for iso3, entry in spec.countries.items():
            (s, w), (n, e) = basemap_bounds[iso3]
            entry["anchor"] = [round((s + n) / 2, 2), round((w + e) / 2, 2)]
    return specs
