"""Directives: generated listings placed in hand-written pages.

A directive is an HTML comment alone on its line, e.g.

    <!-- catalogue:programmes thematique="eau-assainissement" -->

It is parsed once, checked against the catalogue (unknown directive, option
or id is an error citing page:line with the valid values), then replaced by
the listing. Lines inside fenced code blocks are left alone, so the syntax
can be documented.
"""

from __future__ import annotations

import posixpath
import re
import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .annuaire import annuaire, limiter
from .catalogue import Catalogue, _unknown, contact_sort_key
from .labels import GENRES_ORGANISATION, GENRES_PROGRAMME
from .pagepolicy import check_page
from .problems import CatalogueError, Problem
from .render import GeneratedPage, render_listing
from .text import cle_fr

_MARKER = re.compile(r"^\s*<!--\s*catalogue:(?P<name>[\w-]*)(?P<args>.*?)-->\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


@dataclass(frozen=True)
class Directive:
    name: str
    options: dict[str, str]
    line: int


# directive -> option -> kind of id it takes (a key of `_targets`)
SPECS: dict[str, dict[str, str]] = {
    "thematiques": {},
    "zones": {},
    "pays": {"zone": "zones"},
    "programmes": {"thematique": "themes", "pays": "pays", "zone": "zones", "genre": "genres_programme",
                   "organisation": "organisations"},
    "contacts": {"pays": "pays", "zone": "zones", "thematique": "themes", "organisation": "organisations",
                 "region": "regions"},
    "organisations": {"genre": "genres_organisation", "pays": "pays"},
    "carte": {"nom": "cartes"},
    "raisons": {},
    "exemples": {"raison": "raisons", "pays": "pays", "thematique": "themes"},
    "textes": {},
    "etapes": {},
    "financements": {"genre": "genres_programme"},
    "explorateur": {"jeu": "jeux"},
    "annuaire": {},
}


def _targets(cat: Catalogue, kind: str) -> Iterable[str]:
    return {
        "themes": lambda: cat.thematiques.keys() | cat.sous_thematiques.keys(),
        "pays": cat.pays.keys,
        "zones": cat.zones.keys,
        "organisations": cat.organisations.keys,
        "regions": cat.regions.keys,
        "genres_programme": GENRES_PROGRAMME.keys,
        "genres_organisation": GENRES_ORGANISATION.keys,
        "cartes": lambda: {"monde", "france"},
        "raisons": lambda: cat.raisons.keys() | {"aucune"},  # "aucune": examples tied to no reason
        "jeux": lambda: {"programmes", "contacts"},
    }[kind]()


def parse_directives(markdown: str, display: str) -> tuple[list[Directive], list[Problem]]:
    directives, problems = [], []
    fence = None
    for number, line in enumerate(markdown.splitlines(), start=1):
        opened = _FENCE.match(line)
        if opened:
            fence = None if fence == opened.group(1) else (fence or opened.group(1))
            continue
        if fence:
            continue
        found = _MARKER.match(line)
        if not found:
            continue
        name = found.group("name")
        if name not in SPECS:
            problems.append(Problem(display, number, 1, "directive",
                                    f"directive inconnue « catalogue:{name} » ; directives possibles : {', '.join(sorted(SPECS))}"))
            continue
        try:
            words = shlex.split(found.group("args"))
        except ValueError:
            problems.append(Problem(display, number, 1, "directive", "guillemet non fermé dans la directive"))
            continue
        options: dict[str, str] = {}
        for word in words:
            key, sep, value = word.partition("=")
            if not sep or key not in SPECS[name]:
                allowed = ", ".join(sorted(SPECS[name])) or "(aucune)"
                problems.append(Problem(display, number, 1, "directive",
                                        f"option « {word} » invalide pour catalogue:{name} ; options possibles : {allowed} (forme clé=\"valeur\")"))
                continue
            options[key] = value
        directives.append(Directive(name, options, number))
    return directives, problems


def check_directives(directives: list[Directive], catalogue: Catalogue, display: str) -> list[Problem]:
    problems = []
    for d in directives:
        if d.name == "carte" and "nom" not in d.options:
            problems.append(Problem(display, d.line, 1, "directive", 'catalogue:carte demande nom="monde" ou nom="france"'))
        if d.name == "explorateur" and "jeu" not in d.options:
            problems.append(Problem(display, d.line, 1, "directive", 'catalogue:explorateur demande jeu="programmes" ou jeu="contacts"'))
        for key, value in d.options.items():
            kind = SPECS[d.name][key]
            valid = _targets(catalogue, kind)
            if value not in valid:
                if kind in ("genres_programme", "genres_organisation", "cartes", "jeux"):
                    message = f"valeur « {value} » inconnue ; valeurs possibles : {', '.join(sorted(valid))}"
                else:
                    message = _unknown(value, kind, valid)
                problems.append(Problem(display, d.line, 1, "directive", f"catalogue:{d.name} {key}=… : {message}"))
    return problems


def check_pages(content_dir: Path, catalogue: Catalogue, display: Callable[[Path], str]) -> list[Problem]:
    """Every hand-written page: its directives and the page policy (pagepolicy.py), before anything is rendered."""
    problems: list[Problem] = []
    for path in sorted(content_dir.rglob("*.md")):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            problems.append(Problem(display(path), 0, 0, "encodage", "la page n'est pas en UTF-8 : réenregistrez-la en UTF-8"))
            continue
        directives, found = parse_directives(text, display(path))
        problems += found + check_directives(directives, catalogue, display(path)) + check_page(text, display(path))
    return problems


def expand_directives(markdown: str, page_path: str, catalogue: Catalogue, display: str) -> str:
    """Replace each directive line by its listing. Raises CatalogueError on a bad directive."""
    return expand_page(markdown, page_path, catalogue, display).markdown


def expand_page(markdown: str, page_path: str, catalogue: Catalogue, display: str) -> GeneratedPage:
    """The page with its directives expanded, and whether a listing names a person."""
    directives, problems = parse_directives(markdown, display)
    problems += check_directives(directives, catalogue, display)
    if problems:
        raise CatalogueError(problems)
    if not directives:
        return GeneratedPage(page_path, markdown)
    lines = markdown.splitlines()
    names_person = False
    for d in directives:
        listing = _listing(d, page_path, catalogue)
        lines[d.line - 1] = listing.markdown.strip("\n")
        names_person = names_person or listing.names_person
    return GeneratedPage(page_path, "\n".join(lines) + ("\n" if markdown.endswith("\n") else ""), names_person)


def _listing(d: Directive, page_path: str, cat: Catalogue) -> GeneratedPage:
    o = d.options
    ctx: dict[str, Any] = {}
    if d.name == "thematiques":
        ctx["items"] = sorted(cat.thematiques.values(), key=lambda t: int(t.numero))
    elif d.name == "zones":
        ctx["items"] = sorted(cat.zones.values(), key=lambda z: int(z.numero))
    elif d.name == "pays":
        items = [p for p in cat.pays.values() if p.contexte and (not o.get("zone") or p.zone == o["zone"])]
        ctx["items"] = sorted(items, key=lambda p: cle_fr(p.nom))
    elif d.name == "programmes":
        ctx["items"] = select_programmes(cat, o)
        ctx["filtre"] = {("porteur" if k == "organisation" else k): v for k, v in o.items()}  # the explorer's names
    elif d.name == "contacts":
        ctx["items"] = select_contacts(cat, o)
        ctx["filtre"] = dict(o)
    elif d.name == "carte":
        ctx["nom"] = o["nom"]
        ctx["zones"] = sorted(cat.zones.values(), key=lambda z: int(z.numero))
        orgs: dict[str, list[Any]] = {}
        for org in sorted(cat.organisations.values(), key=lambda x: cle_fr(x.nom)):
            if org.region:
                orgs.setdefault(org.region, []).append(org)
        ctx["orgs"] = orgs
        ctx["regions"] = sorted((cat.regions[r] for r in orgs), key=lambda r: cle_fr(r.nom))
        cited = set(orgs) | {r for r in cat.regions if cat.contacts_par_region.get(r)}
        ctx["regions_sans"] = sorted((r for r in cat.regions.values() if r.id not in cited), key=lambda r: cle_fr(r.nom))
    elif d.name == "raisons":
        ctx["items"] = sorted(cat.raisons.values(), key=lambda r: int(r.numero))
    elif d.name == "exemples":
        items = list(cat.exemples.values())
        wanted = None if o.get("raison") == "aucune" else o.get("raison")
        items = [e for e in items if ("raison" not in o or e.raison == wanted) and (not o.get("pays") or o["pays"] in e.pays)
                 and (not o.get("thematique") or e in cat.exemples_par_theme.get(o["thematique"], []))]
        ctx["items"] = sorted(items, key=lambda e: (cle_fr(e.titre), e.id))
    elif d.name == "textes":
        ctx["items"] = list(cat.textes.values())
    elif d.name == "etapes":
        ctx["items"] = sorted(cat.etapes.values(), key=lambda e: [int(x) for x in e.numero.split(".")])
    elif d.name == "financements":
        genres = [o["genre"]] if o.get("genre") else ["appel-a-projets", "fonds", "programme-europeen", "concours"]
        items = [p for p in cat.programmes.values() if p.genre in genres]
        ctx["items"] = sorted(items, key=lambda p: (genres.index(p.genre), cle_fr(p.titre), p.id))
    elif d.name == "explorateur":
        ctx["jeu"] = o["jeu"]
        folder = posixpath.dirname(page_path)
        ctx["base"] = posixpath.relpath(".", folder) + "/" if folder else ""
    elif d.name == "annuaire":
        ctx.update(tout=annuaire(cat), limiter=limiter)
    elif d.name == "organisations":
        items = [x for x in cat.organisations.values()
                 if (not o.get("genre") or x.genre == o["genre"]) and (not o.get("pays") or x.pays == o["pays"])]
        ctx["items"] = sorted(items, key=lambda x: cle_fr(x.nom))
    return render_listing(f"listing-{d.name}.md.j2", page_path, cat, **ctx)


def select_programmes(cat: Catalogue, o: dict[str, str]) -> list[Any]:
    if "thematique" in o:
        items = cat.programmes_par_theme.get(o["thematique"], [])
    elif "pays" in o:
        items = cat.programmes_par_pays.get(o["pays"], [])
    elif "zone" in o:
        items = cat.programmes_par_zone.get(o["zone"], [])
    elif "organisation" in o:
        items = cat.programmes_par_organisation.get(o["organisation"], [])
    else:
        items = sorted(cat.programmes.values(), key=lambda p: (cle_fr(p.titre), p.id))
    return [p for p in items
            if (not o.get("genre") or p.genre == o["genre"])
            and (not o.get("pays") or o["pays"] in p.pays or any(v.pays == o["pays"] for v in p.villes))]


def select_contacts(cat: Catalogue, o: dict[str, str]) -> list[Any]:
    items = [c for c in cat.contacts.values()
             if (not o.get("pays") or o["pays"] in c.pays)
             and (not o.get("zone") or o["zone"] in c.zones)
             and (not o.get("thematique") or o["thematique"] in c.thematiques)
             and (not o.get("organisation") or c.organisation == o["organisation"])
             and (not o.get("region") or o["region"] in c.regions)]
    return sorted(items, key=lambda c: contact_sort_key(c, cat))
