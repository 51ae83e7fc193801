"""Third-party scripts the site may load, taken from installed packages, never from a CDN.

Material's offline plugin would fetch its `iframe-worker` polyfill from unpkg:
we copy it from the npm package. Material's bundle also names two unpkg
scripts it loads only on demand: a ResizeObserver polyfill (browsers without
it) and Mermaid (pages with diagrams). We point the first at a copy from the
npm package `resize-observer-polyfill`, and the second at a local path that
we do not ship: the catalogue has no diagrams, so no request ever leaves the
site. Each replacement must match exactly once, so a Material upgrade that
changes these strings fails the build instead of silently loading a CDN.
"""

from __future__ import annotations

import shutil
from pathlib import Path

IFRAME_WORKER = "assets/vendor/iframe-worker/shim.js"
RESIZE_OBSERVER = "assets/vendor/resize-observer-polyfill/ResizeObserver.js"
MERMAID = "assets/vendor/mermaid/mermaid.min.js"  # not shipped: no diagrams in the catalogue

# literal in Material's bundle -> JS expression resolving against the site root (__md_scope, set by Material)
ON_DEMAND = {
    '"https://unpkg.com/resize-observer-polyfill"': f'new URL("{RESIZE_OBSERVER}",__md_scope).href',
    '"https://unpkg.com/mermaid@11/dist/mermaid.min.js"': f'new URL("{MERMAID}",__md_scope).href',
}


class ThirdPartyError(Exception):
    pass


def _copy(source: Path, target: Path) -> None:
    if not source.exists():
        raise ThirdPartyError(f"{source} introuvable : lancez `make site`, qui installe les paquets npm")
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def copy_polyfills(site: Path, node_modules: Path) -> None:
    """The two polyfills, from their npm packages (any engine needs them next to the pages)."""
    _copy(node_modules / "iframe-worker" / "shim" / "index.js", site / IFRAME_WORKER)
    _copy(node_modules / "resize-observer-polyfill" / "dist" / "ResizeObserver.js", site / RESIZE_OBSERVER)


def localise_third_party(site: Path, node_modules: Path) -> None:
    copy_polyfills(site, node_modules)
    bundles = sorted((site / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise ThirdPartyError(f"script principal de Material introuvable ou multiple dans {site}/assets/javascripts")
    text = bundles[0].read_text(encoding="utf-8")
    for literal, local in ON_DEMAND.items():
        if text.count(literal) == 0 and text.count(local) == 1:
            continue  # already pointed here: `make serve` rebuilds into the same folder without recopying the theme
        if text.count(literal) != 1:
            raise ThirdPartyError(f"le script de Material ne contient plus {literal} une seule fois : "
                                  "vérifiez coopdec/offline.py après une mise à jour de mkdocs-material")
        text = text.replace(literal, local)
    bundles[0].write_text(text, encoding="utf-8")
