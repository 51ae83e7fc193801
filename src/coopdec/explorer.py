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
PAGE = 200  # records shown at first display (explorateur.js shows as many per « Afficher plus »)

# How each record field travels: a text column, an index into a label set (`ordre`), or a list of them.
_TEXTE = {"programmes": ("id", "t", "d"), "contacts": ("id", "n", "f", "e")}
_INDEX = {"programmes": {"g": "genres"}, "contacts": {"or": "organisations"}}
_LISTES = {"programmes": {"p": "pays", "z": "zones", "th": "themes", "o": "odd", "po": "organisations"},
           "contacts": {"p": "pays", "z": "zones", "th": "themes", "r": "regions"}}
# Geographic filters: a record open to every country (« tous ») counts under each of their options.
_GEO = ("p", "z")


def _block(jeu: str, records: list[dict[str, Any]], ordre: dict[str, list[str]], terms: bool = True) -> dict[str, Any]:
    """Records as columns: each text once per record, each id as its position in its label set,
    the search terms as positions in one list of terms (most frequent first: shortest numbers).

    Why columns: at 10,000 programmes the record-per-object form repeats every key and every
    id string 10,000 times (3.2 MB); this form is decoded in a few milliseconds by explorateur.js."""
    rang = {k: {v: i for i, v in enumerate(vs)} for k, vs in ordre.items()}
    block: dict[str, Any] = {k: [r[k] for r in records] for k in _TEXTE[jeu]}
    for k, labels in _INDEX[jeu].items():
        block[k] = [rang[labels][r[k]] for r in records]
    for k, labels in _LISTES[jeu].items():
        block[k] = [[rang[labels][str(v)] for v in r[k]] for r in records]
    block["tous"] = [i for i, r in enumerate(records) if r.get("tous")]
    if not terms:
        return block
    counts: dict[str, int] = {}
    for r in records:
        for w in r["x"].split():
            counts[w] = counts.get(w, 0) + 1
    termes = sorted(counts, key=lambda w: (-counts[w], w))
    place = {w: i for i, w in enumerate(termes)}
    block["termes"] = termes
    block["x"] = [[place[w] for w in r["x"].split()] for r in records]
    return block


def _counts(jeu: str, records: list[dict[str, Any]], ordre: dict[str, list[str]]) -> dict[str, list[int]]:
    """What each filter option gives when nothing is chosen, as explorateur.js counts it,
    so that the first display can show the options before the records are all loaded."""
    out = {}
    for k, labels in {**_INDEX[jeu], **_LISTES[jeu]}.items():
        n = dict.fromkeys(ordre[labels], 0)
        for r in records:
            values = ordre[labels] if r.get("tous") and k in _GEO else ([r[k]] if k in _INDEX[jeu] else r[k])
            for v in dict.fromkeys(map(str, values)):
                n[v] += 1
        out[k] = list(n.values())
    return out


def explorer_files(cat: Catalogue) -> dict[str, str]:
    """The explorer's scripts (file name → text): one per set, and a second one for large sets.

    Why two files: each explorer page loads only its own set, and past one page of records
    (`PAGE`) the first file holds only what the first display needs (labels, the first
    records, the options' counts); explorateur.js loads the rest (« -suite ») by a <script>
    tag, which works over file://, as soon as the reader touches the explorer or the address
    asks for a filtered view. At 10,000 programmes the page opens with about 0.1 MB of data."""
    data = explorer_data(cat)
    labels = {k: [[i, data["labels"][k][i]] for i in ids] for k, ids in data["ordre"].items()}
    files = {}
    for jeu in JEUX:
        records = data[jeu]
        first: dict[str, Any] = {"labels": labels, "total": len(records), "page": PAGE}
        if len(records) > PAGE:
            # No search terms: a text query waits for the rest anyway (it must see every record).
            first["premiers"] = _block(jeu, records[:PAGE], data["ordre"], terms=False)
            first["comptes"] = _counts(jeu, records, data["ordre"])
            first["suite"] = explorer_file(jeu, suite=True)
            files[explorer_file(jeu, suite=True)] = _script("CD_SUITE", _block(jeu, records, data["ordre"]))
        else:
            first["premiers"] = _block(jeu, records, data["ordre"])
        files[explorer_file(jeu)] = _script("CD_DONNEES", first)
    return dict(sorted(files.items()))


def _script(name: str, value: object) -> str:
    return f"window.{name}={json_script(value, separators=(',', ':'), sort_keys=True)};\n"


def explorer_file(jeu: str, suite: bool = False) -> str:
    return f"donnees-{jeu}{'-suite' if suite else ''}.js"
