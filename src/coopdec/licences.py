"""Licence notices for everything the site ships, copied from the installed packages.

Why: the site and its zip redistribute third-party files (Leaflet, two
polyfills, the Natural Earth basemap through world-atlas, country codes from
world-countries, Material's theme). Their licences ask that the notice travels
with the files. We never copy those texts into the repository: each one is read
at build time from the package that is installed, so a version bump carries
its own notice, and a package that no longer ships its licence file fails the
build instead of shipping files without one.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .offline import ThirdPartyError

FOLDER = "licences"


class LicenceError(ThirdPartyError):
    """A notice is missing: the hooks report it like any missing third-party file."""


@dataclass(frozen=True)
class Component:
    name: str  # file name in site/licences/
    what: str  # what the site ships from it (French, for LISEZMOI.txt)
    licence: str  # SPDX identifier as the package declares it
    npm: str = ""  # npm package holding LICENSE
    python: str = ""  # Python distribution holding its licence file


THIRD_PARTY = (
    Component("leaflet", "Leaflet (assets/vendor/leaflet) : affichage des cartes", "BSD-2-Clause", npm="leaflet"),
    Component("iframe-worker", "polyfill iframe-worker (assets/vendor/iframe-worker) : recherche hors ligne", "MIT",
              npm="iframe-worker"),
    Component("resize-observer-polyfill", "polyfill ResizeObserver (assets/vendor/resize-observer-polyfill)", "MIT",
              npm="resize-observer-polyfill"),
    Component("world-atlas", "fond de carte (assets/cartes/fond.js), converti du TopoJSON de world-atlas", "ISC",
              npm="world-atlas"),
    Component("world-countries", "codes pays ISO 3166 associés au fond de carte", "ODbL-1.0", npm="world-countries"),
    Component("mkdocs-material", "thème Material for MkDocs (assets/javascripts, assets/stylesheets)", "MIT",
              python="mkdocs-material"),
)

# Written by us: Natural Earth has no licence file to copy, its data is in the public domain.
NATURAL_EARTH = (
    "Natural Earth — limites des pays au 1:110m (version 4.1.0, via le paquet npm world-atlas).\n"
    "Données cartographiques du domaine public : https://www.naturalearthdata.com/about/terms-of-use/\n"
)

OWN = {"coopdec-code.txt": "LICENSE", "contenus-et-donnees.txt": "LICENCE-CONTENUS.md"}


def _npm_licence(node_modules: Path, package: str) -> tuple[str, str]:
    import json

    folder = node_modules / package
    found = sorted(p for p in folder.glob("LICEN[CS]E*") if p.is_file())
    if not found:
        raise LicenceError(f"{folder}/LICENSE introuvable : lancez `make site`, qui installe les paquets npm")
    version = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    return version, found[0].read_text(encoding="utf-8")


def _python_licence(distribution: str) -> tuple[str, str]:
    dist = metadata.distribution(distribution)
    for file in dist.files or ():
        if Path(file.name).stem.upper() in ("LICENSE", "LICENCE", "COPYING"):
            return dist.version, Path(file.locate()).read_text(encoding="utf-8")
    raise LicenceError(f"le paquet Python {distribution} n'a plus de fichier de licence : vérifiez coopdec/licences.py")


def licence_files(root: Path, node_modules: Path) -> dict[str, str]:
    """File name in site/licences/ -> text. Raises LicenceError if a notice is missing."""
    files: dict[str, str] = {}
    index = ["Licences des fichiers livrés avec ce site", "",
             "Contenus et données du catalogue : Licence Ouverte / Etalab 2.0 (contenus-et-donnees.txt).",
             "Code qui construit le site (coopdec) : MIT (coopdec-code.txt).", "",
             "Composants tiers (chaque fichier reproduit la licence du paquet installé) :"]
    for component in THIRD_PARTY:
        if component.npm:
            version, text = _npm_licence(node_modules, component.npm)
        else:
            version, text = _python_licence(component.python)
        files[f"{component.name}.txt"] = f"{component.name} {version} — {component.licence}\n\n{text}"
        index.append(f"- {component.name} {version} ({component.licence}) : {component.what} — {component.name}.txt")
    files["natural-earth.txt"] = NATURAL_EARTH
    index.append("- Natural Earth (domaine public) : géométrie du fond de carte — natural-earth.txt")
    for name, source in OWN.items():
        path = root / source
        if not path.exists():
            raise LicenceError(f"{source} introuvable à la racine du projet")
        files[name] = path.read_text(encoding="utf-8")
    files["LISEZMOI.txt"] = "\n".join(index) + "\n"
    return files
