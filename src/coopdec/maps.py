"""Folium, as the thin last step: a MapSpec (geo.py) becomes one HTML file.

Why Folium is wrapped like this: its default page loads ten CDN files and
blocks zooming. We give it local Leaflet files (npm package `leaflet`), draw the shared basemap from
`assets/cartes/fond.js` (stored once, loaded by every map with a plain
<script>, which works over file://), and fix the document: `lang="fr"`, a
<title>, zoom allowed. Folium's element ids are random, so tests check the
spec and the drawn map, never the raw HTML.
"""

from __future__ import annotations

import json
import re
import shutil
from functools import cache
from importlib import resources
from pathlib import Path

import folium
from branca.element import MacroElement
from jinja2 import Template

from .geo import BasemapError, MapSpec
from .markup import json_script, text_html

VENDOR = "assets/vendor/leaflet"
CARTES = "assets/cartes"
SPEC_ID = "cd-spec"


class _Carte(folium.Map):
    """A Leaflet map with local assets only (the class attributes Folium reads for <head>)."""

    default_js = [("leaflet", f"../{VENDOR}/leaflet.js"), ("fond", f"../{CARTES}/fond.js"), ("cartes", f"../{CARTES}/cartes.js")]
    default_css = [("leaflet_css", f"../{VENDOR}/leaflet.css"), ("cartes_css", f"../{CARTES}/cartes.css")]


_TITLE = "cd-titre-de-la-carte"
_DATA = "cd-donnees-de-la-carte"
_BOUNDS = [[-89.5, -179.5], [89.5, 179.5]]  # never a real map's bounds (they are rounded to 0.01°)


class _Dessin(MacroElement):
    """Calls our drawing code (assets/cartes/cartes.js) once the map exists.

    The spec (titles, names: editors' text) is not in this executable script: it is
    a JSON data block (`SPEC_ID`, escaped by markup.json_script) that cartes.js reads
    with JSON.parse, so no value can close a <script> or become code.
    """

    _template = Template("{% macro script(this, kwargs) %}cdCarte({{ this._parent.get_name() }}, "
                         "JSON.parse(document.getElementById(\"" + SPEC_ID + "\").textContent));{% endmacro %}")

    def __init__(self) -> None:
        super().__init__()
        self._name = "Dessin"


@cache
def _skeleton(with_bounds: bool) -> str:
    """Folium's page for our map, rendered once, with placeholders for what differs between maps.

    Why: Folium compiles each element's rendered output as a new Jinja template (six per
    map) and draws random ids. Every map has the same structure; only its title, bounds
    and spec differ, so they go in afterwards: same bytes as a render per map, at a
    fiftieth of the cost (103 maps: 0.25 → 0.005 CPU s).

    Why a canvas: software-rendered Chromium left the lower part of large SVG shapes unpainted
    (the zone maps looked cut off). Tests read the canvas pixels. Headless screenshots can still
    miss canvas tiles under dense markers (the world map on a phone); the canvas itself is whole.
    """
    carte = _Carte(location=None, tiles=None, zoom_start=2, prefer_canvas=True, zoom_snap=0.25, min_zoom=1, max_zoom=9,
                   world_copy_jump=False,
                   control_scale=True, attribution_control=True)
    if with_bounds:
        carte.fit_bounds(_BOUNDS)
    carte.add_child(_Dessin())
    html = carte.get_root().render()
    html = html.replace("<html>", '<html lang="fr">', 1)
    html = re.sub(r'<meta name="viewport"[^>]*>', '<meta name="viewport" content="width=device-width, initial-scale=1">', html,
                  count=1, flags=re.S)
    # A map is a fragment of its page (some name people): not for search engines on its own.
    html = html.replace("<head>", f'<head>\n    <title>{_TITLE}</title>\n    <meta name="robots" content="noindex">', 1)
    html = html.replace("<body>", f'<body>\n    <script type="application/json" id="{SPEC_ID}">{_DATA}</script>', 1)
    # Folium's random ids: replace by a stable one so two builds give the same bytes.
    ids = sorted(set(re.findall(r"\b(?:map|macro_element|fit_bounds)_[0-9a-f]{32}\b", html)))
    for n, ident in enumerate(ids):
        html = html.replace(ident, f"{ident.rsplit('_', 1)[0]}_{n}")
    assert html.count(_TITLE) == 1 and html.count(_DATA) == 1 and html.count(json.dumps(_BOUNDS)) == int(with_bounds), "Folium changed"
    return html


def render_map(spec: MapSpec) -> str:
    """The skeleton filled in. Order matters: each placeholder is replaced before any editor's text
    that could spell it is inserted after it (bounds in the script, then the data block, then the title)."""
    html = _skeleton(bool(spec.bounds))
    if spec.bounds:
        html = html.replace(json.dumps(_BOUNDS), json.dumps(spec.bounds), 1)
    html = html.replace(_DATA, json_script(spec.as_dict(), sort_keys=True), 1)
    return html.replace(_TITLE, text_html(spec.title), 1)


def write_map_assets(site: Path, basemap: dict, leaflet: Path) -> None:
    """Leaflet (the npm package's `dist/`, no source maps), our drawing code and the basemap, once per site."""
    if not (leaflet / "leaflet.js").exists():
        raise BasemapError(f"{leaflet}/leaflet.js introuvable : lancez `make site`, qui installe les paquets npm")
    vendor = site / VENDOR
    if vendor.exists():
        shutil.rmtree(vendor)
    shutil.copytree(leaflet, vendor, ignore=shutil.ignore_patterns("*.map", "*-src.js", "*.esm.js"))
    cartes = site / CARTES
    cartes.mkdir(parents=True, exist_ok=True)
    for name in ("cartes.js", "cartes.css"):
        (cartes / name).write_text(resources.files("coopdec").joinpath("assets", name).read_text(encoding="utf-8"), encoding="utf-8")
    data = json.dumps(basemap, ensure_ascii=False, separators=(",", ":"))
    (cartes / "fond.js").write_text(f"window.CD_FOND={data};\n", encoding="utf-8")


def write_maps(site: Path, specs: list[MapSpec], basemap: dict, leaflet: Path) -> list[Path]:
    write_map_assets(site, basemap, leaflet)
    folder = site / "cartes"
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in specs:
        path = folder / f"{spec.name}.html"
        path.write_text(render_map(spec), encoding="utf-8")
        written.append(path)
    return written
