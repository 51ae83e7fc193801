"""Nothing overwrites anything: every address of the built site has one owner.

Why: MkDocs takes a generated page with the same path as a hand-written one
without a word, so a programme whose id is `index` or `explorateur`, or an
old id `index`, would silently replace a page that an editor wrote. Before
anything is rendered, we list every address the build will write — the
hand-written files of `content/`, the pages planned from the catalogue, the
redirect pages of old ids, and the folders the build fills itself — and a
second claim on an address is a problem naming both sides.

Collisions that stay inside the catalogue (two records, an old id that is a
current id) are already reported by `catalogue.py`, at the record's line.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .catalogue import FOLDERS, Catalogue, Origin
from .problems import Problem
from .render import site_plan

# Folders the build writes after MkDocs (maps, data, downloads, scripts): no hand-written file may live there.
RESERVED = ("cartes/", "donnees/", "telechargement/", "assets/catalogue/", "assets/cartes/", "assets/vendor/", "search/")


@dataclass(frozen=True)
class Claim:
    address: str  # path in site/, e.g. "programmes/index.html"
    kind: str  # "page" (hand-written), "fiche", "catalogue" (page of the whole catalogue), "redirection"
    what: str  # how the editor knows it
    origin: Origin


def html_address(docs_path: str) -> str:
    """Where MkDocs writes a docs file (use_directory_urls: false)."""
    return docs_path[:-3] + ".html" if docs_path.endswith(".md") else docs_path


def check_addresses(catalogue: Catalogue, content_dir: Path, display: Callable[[Path], str]) -> list[Problem]:
    claims: list[Claim] = []
    problems: list[Problem] = []
    for path in sorted(p for p in content_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(content_dir).as_posix()
        where = Origin(display(path), 1, 1)
        reserved = next((r for r in RESERVED if rel.startswith(r)), None)
        if reserved:
            problems.append(Problem(where.path, 1, 1, "adresse",
                                    f"le dossier « {reserved} » est rempli par la construction : déplacez ce fichier ailleurs"))
        claims.append(Claim(html_address(rel), "page", f"la page écrite à la main {where.path}", where))
    for planned in site_plan(catalogue):
        if planned.origin:
            attr, ident = planned.origin
            origin = catalogue.origins[planned.origin]
            claims += [Claim(html_address(p), "fiche", f"la fiche « {ident} » ({origin.path}:{origin.line})", origin)
                       for p in planned.paths]
        else:
            origin = Origin("(catalogue)", 0, 0)
            claims += [Claim(html_address(p), "catalogue", "une page générée pour tout le catalogue", origin)
                       for p in planned.paths]
    for (folder, old), origin in sorted(catalogue.old_id_origins.items()):
        if folder in FOLDERS:
            claims.append(Claim(f"{folder}/{old}.html", "redirection",
                                f"la redirection de l'ancien identifiant « {old} » ({origin.path}:{origin.line})", origin))

    owners: dict[str, Claim] = {}
    for claim in claims:
        first = owners.setdefault(claim.address, claim)
        if first is claim or {first.kind, claim.kind} <= {"fiche", "redirection"}:
            continue  # catalogue.py reports collisions inside the catalogue
        # Report at the side an editor changed in data (the record or old id), else at the page.
        blamed, other = (claim, first) if claim.kind in ("fiche", "redirection") or first.kind != "fiche" else (first, claim)
        action = ("choisissez un autre ancien identifiant" if blamed.kind == "redirection"
                  else "choisissez un autre identifiant"
                  if blamed.kind == "fiche" else "renommez ce fichier")
        problems.append(Problem(blamed.origin.path, blamed.origin.line, blamed.origin.col, "adresse",
                                f"l'adresse {claim.address} serait écrite deux fois : par {blamed.what} et par {other.what} ; "
                                f"{action}"))
    return problems
