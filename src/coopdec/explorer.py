"""Data for the explorer and the contacts directory, shipped as a script (works over file://).

Compact on purpose: one short record per programme or contact, ids and its
search terms (the site search's analysis, so both agree); labels once. The filtering runs in the browser
(assets/explorateur.js), linear in the number of records.
"""

from __future__ import annotations

from typing import Any

from .catalogue import Catalogue, contact_label
from .labels import GENRES_PROGRAMME, ODD
from .markup import json_script
from .search.analysis import terms
from .text import cle_fr


def _terms(text: str) -> str:
    return " ".join(dict.fromkeys(terms(text)))


def _themes_with_parents(cat: Catalogue, ids: list[str]) -> list[str]:
    out = list(ids)
    for t in ids:
        parent = cat.sous_thematiques.get(t)
        if parent and parent.thematique not in out:
            out.append(parent.thematique)
    return out


def _zones_of(cat: Catalogue, pays: list[str], zones: list[str]) -> list[str]:
    out = list(zones)
    for p in pays:
        z = cat.pays[p].zone
        if z and z not in out:
            out.append(z)
    return out


def explorer_data(cat: Catalogue) -> dict[str, Any]:
    programmes = []
    for p in sorted(cat.programmes.values(), key=lambda p: (cle_fr(p.titre), p.id)):
        pays = list(dict.fromkeys([*p.pays, *(v.pays for v in p.villes)]))
        porteurs = [cat.organisations[o] for o in p.porteurs]
        text = " ".join([p.titre, p.destination, p.thematique_libelle, p.porteur_libelle or "",
                         *(o.nom for o in porteurs), *(o.sigle or "" for o in porteurs)])
        # No country, city or zone recorded: the source does not restrict the destination
        # (« non précisée », any country). Such records match every geography, marked as such.
        tous = not pays and not p.zones
        programmes.append({"id": p.id, "t": p.titre, "g": p.genre, "d": p.destination, "p": pays,
                           "z": _zones_of(cat, pays, p.zones), "th": _themes_with_parents(cat, p.thematiques),
                           "o": sorted(p.odd), "po": p.porteurs, "x": _terms(text), **({"tous": 1} if tous else {})})
    contacts = []
    for c in sorted(cat.contacts.values(), key=lambda c: (cle_fr(contact_label(c, cat)), c.id)):
        org = cat.organisations[c.organisation]
        label = contact_label(c, cat)
        text = " ".join([label, c.fonction or "", org.nom, org.sigle or "", c.email])
        contacts.append({"id": c.id, "n": label, "f": c.fonction or "", "or": c.organisation, "e": c.email, "p": c.pays,
                         "z": _zones_of(cat, c.pays, c.zones), "th": _themes_with_parents(cat, c.thematiques), "r": c.regions,
                         "x": _terms(text)})
    used_orgs = {o for p in cat.programmes.values() for o in p.porteurs} | {c.organisation for c in cat.contacts.values()}
    themes = sorted([*cat.thematiques.values(), *cat.sous_thematiques.values()], key=lambda t: [int(x) for x in t.numero.split(".")])
    labels = {
        "pays": {p.id: p.nom for p in sorted(cat.pays.values(), key=lambda p: cle_fr(p.nom))},
        "zones": {z.id: f"{z.numero}. {z.titre}" for z in sorted(cat.zones.values(), key=lambda z: int(z.numero))},
        "themes": {t.id: f"{t.numero} {t.titre}" for t in themes},
        "genres": GENRES_PROGRAMME,
        "odd": {str(n): f"ODD {n} : {label}" for n, label in ODD.items()},
        "organisations": {o.id: o.nom for o in sorted((cat.organisations[i] for i in used_orgs), key=lambda o: cle_fr(o.nom))},
        "regions": {r.id: r.nom for r in sorted(cat.regions.values(), key=lambda r: cle_fr(r.nom))},
    }
    return {
        "programmes": programmes,
        "contacts": contacts,
        "labels": labels,
        # The script is written with sorted keys, so each list's display order travels separately:
        # thématiques by number, zones by number, names in French order.
        "ordre": {k: list(v) for k, v in labels.items()},
    }


JEUX = ("programmes", "contacts")


def explorer_script(cat: Catalogue, jeu: str | None = None) -> str:
    """The data as a script; with `jeu`, only that set and the labels.

    Why one file per set: each explorer page loads only what it shows (the contacts
    directory does not load the programmes), which halves what a page loads at scale.
    """
    data = explorer_data(cat)
    if jeu:
        data = {"labels": data["labels"], jeu: data[jeu]}
    return f"window.CD_DONNEES={json_script(data, separators=(',', ':'), sort_keys=True)};\n"


def explorer_file(jeu: str) -> str:
    return f"donnees-{jeu}.js"
