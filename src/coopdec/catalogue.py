"""Load and check the whole catalogue, or fail with every problem found.

Phase one of two (see render.py for phase two): nothing is rendered from a
catalogue that did not pass every check. All indexes are dicts built in one
pass, so loading and checking stay linear in the number of records.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import problems_from_validation
from .models import (
    DATA_FILES,
    OPTIONAL_FILES,
    Base,
    ChiffreCle,
    Constat,
    Contact,
    Document,
    Etape,
    Exemple,
    ModeleActer,
    Organisation,
    Pays,
    Programme,
    Question,
    Raison,
    Region,
    Serie,
    Sigle,
    SousThematique,
    TexteJuridique,
    Thematique,
    Zone,
)
from .problems import CatalogueError, Problem, display_path
from .text import cle_fr
from .yamlpos import YamlDocument, load_yaml_file


@dataclass(frozen=True)
class Origin:
    """Where a record was written, for errors found after validation."""

    path: str
    line: int
    col: int


@dataclass
class Catalogue:
    documents: dict[str, Document] = field(default_factory=dict)
    thematiques: dict[str, Thematique] = field(default_factory=dict)
    sous_thematiques: dict[str, SousThematique] = field(default_factory=dict)
    zones: dict[str, Zone] = field(default_factory=dict)
    pays: dict[str, Pays] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    programmes: dict[str, Programme] = field(default_factory=dict)
    raisons: dict[str, Raison] = field(default_factory=dict)
    exemples: dict[str, Exemple] = field(default_factory=dict)
    textes: dict[str, TexteJuridique] = field(default_factory=dict)
    etapes: dict[str, Etape] = field(default_factory=dict)
    series: dict[str, Serie] = field(default_factory=dict)
    modeles: dict[str, ModeleActer] = field(default_factory=dict)
    constats: dict[str, Constat] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    sigles: list[Sigle] = field(default_factory=list)
    chiffres_cles: list[ChiffreCle] = field(default_factory=list)
    origins: dict[tuple[str, str], Origin] = field(default_factory=dict)
    # (URL folder, old id) -> where the old id is written, for the address check.
    old_id_origins: dict[tuple[str, str], Origin] = field(default_factory=dict)

    # Reverse indexes, built once by `index()`; values sorted for rendering.
    sous_par_thematique: dict[str, list[SousThematique]] = field(default_factory=dict)
    pays_par_zone: dict[str, list[Pays]] = field(default_factory=dict)
    programmes_par_theme: dict[str, list[Programme]] = field(default_factory=dict)
    programmes_par_pays: dict[str, list[Programme]] = field(default_factory=dict)
    programmes_par_zone: dict[str, list[Programme]] = field(default_factory=dict)
    programmes_par_contact: dict[str, list[Programme]] = field(default_factory=dict)
    programmes_par_organisation: dict[str, list[Programme]] = field(default_factory=dict)
    contacts_par_pays: dict[str, list[Contact]] = field(default_factory=dict)
    contacts_par_zone: dict[str, list[Contact]] = field(default_factory=dict)
    contacts_par_theme: dict[str, list[Contact]] = field(default_factory=dict)
    contacts_par_organisation: dict[str, list[Contact]] = field(default_factory=dict)
    contacts_par_region: dict[str, list[Contact]] = field(default_factory=dict)
    exemples_par_pays: dict[str, list[Exemple]] = field(default_factory=dict)
    exemples_par_theme: dict[str, list[Exemple]] = field(default_factory=dict)
    exemples_par_raison: dict[str, list[Exemple]] = field(default_factory=dict)

    def theme(self, ident: str) -> Thematique | None:
        return self.thematiques.get(ident) or self.sous_thematiques.get(ident)

    def index(self) -> None:
        def sort_titles(groups: dict[str, list[Any]], key: Any) -> dict[str, list[Any]]:
            return {k: sorted(v, key=key) for k, v in groups.items()}

        by_title = lambda r: (cle_fr(r.titre), r.id)  # noqa: E731
        by_number = lambda r: ([int(x) for x in r.numero.split(".")] if r.numero else [999], cle_fr(getattr(r, "nom", "")))  # noqa: E731
        by_contact = lambda c: (cle_fr(contact_label(c, self)), c.id)  # noqa: E731

        sous, pays_z = defaultdict(list), defaultdict(list)
        for s in self.sous_thematiques.values():
            sous[s.thematique].append(s)
        for p in self.pays.values():
            if p.zone:
                pays_z[p.zone].append(p)
        self.sous_par_thematique = sort_titles(sous, by_number)
        self.pays_par_zone = sort_titles(pays_z, by_number)

        theme, pays, zone, contact, org = (defaultdict(set) for _ in range(5))
        for prog in self.programmes.values():
            for t in prog.thematiques:
                theme[t].add(prog.id)
                parent = self.sous_thematiques.get(t)
                if parent:  # a programme on "eau" also belongs on its thématique's page
                    theme[parent.thematique].add(prog.id)
            countries = set(prog.pays) | {v.pays for v in prog.villes}
            for c in countries:
                pays[c].add(prog.id)
                if self.pays[c].zone:
                    zone[self.pays[c].zone].add(prog.id)
            for z in prog.zones:
                zone[z].add(prog.id)
            for c in prog.contacts:
                contact[c].add(prog.id)
            for o in prog.porteurs:
                org[o].add(prog.id)

        def progs(groups: dict[str, set[str]]) -> dict[str, list[Programme]]:
            return sort_titles({k: [self.programmes[i] for i in v] for k, v in groups.items()}, by_title)

        self.programmes_par_theme = progs(theme)
        self.programmes_par_pays = progs(pays)
        self.programmes_par_zone = progs(zone)
        self.programmes_par_contact = progs(contact)
        self.programmes_par_organisation = progs(org)

        cp, cz, ct, co, cr = (defaultdict(list) for _ in range(5))
        for c in self.contacts.values():
            for p in c.pays:
                cp[p].append(c)
            for z in c.zones:
                cz[z].append(c)
            for t in c.thematiques:
                ct[t].append(c)
            for r in c.regions:
                cr[r].append(c)
            co[c.organisation].append(c)
        self.contacts_par_pays = sort_titles(cp, by_contact)
        self.contacts_par_zone = sort_titles(cz, by_contact)
        self.contacts_par_theme = sort_titles(ct, by_contact)
        self.contacts_par_organisation = sort_titles(co, by_contact)
        self.contacts_par_region = sort_titles(cr, by_contact)

        ep, et, er = (defaultdict(list) for _ in range(3))
        for e in self.exemples.values():
            for p in e.pays:
                ep[p].append(e)
            for t in e.thematiques:
                et[t].append(e)
                parent = self.sous_thematiques.get(t)
                if parent and e not in et[parent.thematique]:
                    et[parent.thematique].append(e)
            er[e.raison or ""].append(e)
        self.exemples_par_pays = sort_titles(ep, by_title)
        self.exemples_par_theme = sort_titles(et, by_title)
        self.exemples_par_raison = sort_titles(er, by_title)


def contact_label(contact: Contact, catalogue: Catalogue) -> str:
    """How a contact is named in lists: the person, else the role, else the mailbox."""
    if contact.nom:
        return contact.nom
    org = catalogue.organisations.get(contact.organisation)
    who = org.sigle or org.nom if org else contact.organisation
    return f"{contact.fonction} ({who})" if contact.fonction else f"{who} : {contact.email}"


def contact_sort_key(contact: Contact, catalogue: Catalogue) -> tuple[str, ...]:
    """Directory order: people by family name (the last word of the name, then the full name),
    service addresses under their organisation's name, all in one alphabetical list."""
    org = catalogue.organisations.get(contact.organisation)
    org_name = org.nom if org else contact.organisation
    if contact.nom:
        return (cle_fr(contact.nom.split()[-1]), cle_fr(contact.nom), cle_fr(org_name), contact.id)
    return (cle_fr(org_name), cle_fr(contact_label(contact, catalogue)), "", contact.id)


# collection attribute -> (file, key in file)
COLLECTIONS: dict[str, tuple[str, str]] = {
    "documents": ("documents.yaml", "documents"),
    "thematiques": ("thematiques.yaml", "thematiques"),
    "sous_thematiques": ("thematiques.yaml", "sous_thematiques"),
    "zones": ("geographies.yaml", "zones"),
    "pays": ("geographies.yaml", "pays"),
    "regions": ("regions.yaml", "regions"),
    "organisations": ("organisations.yaml", "organisations"),
    "contacts": ("contacts.yaml", "contacts"),
    "programmes": ("programmes.yaml", "programmes"),
    "raisons": ("pourquoi.yaml", "raisons"),
    "exemples": ("pourquoi.yaml", "exemples"),
    "textes": ("cadre.yaml", "textes"),
    "etapes": ("cadre.yaml", "etapes"),
    "series": ("chiffres.yaml", "series"),
    "modeles": ("acter.yaml", "modeles"),
    "constats": ("acter.yaml", "constats"),
    "questions": ("questions.yaml", "questions"),
}
# Collections without ids (kept as lists, in file order).
LISTS: dict[str, tuple[str, str]] = {
    "sigles": ("glossaire.yaml", "sigles"),
    "chiffres_cles": ("chiffres.yaml", "chiffres_cles"),
}

_UNKNOWN = {
    "documents": "document inconnu",
    "thematiques": "thématique inconnue",
    "themes": "thématique ou sous-thématique inconnue",
    "zones": "zone inconnue",
    "pays": "pays inconnu",
    "regions": "région inconnue",
    "organisations": "organisation inconnue",
    "contacts": "contact inconnu",
    "programmes": "programme inconnu",
    "raisons": "raison inconnue",
}


def load_catalogue(data_dir: Path, root: Path | None = None) -> Catalogue:
    """Read every data file, validate, cross-check. Raises CatalogueError with all problems."""
    problems: list[Problem] = []
    docs: dict[str, YamlDocument] = {}
    models: dict[str, Base] = {}
    files = {**DATA_FILES, **{n: m for n, m in OPTIONAL_FILES.items() if (data_dir / n).exists()}}
    for name, model in files.items():
        path = data_dir / name
        display = display_path(path, root)
        doc, found = load_yaml_file(path, display)
        problems.extend(found)
        if doc is None:
            continue
        if doc.data is None:
            problems.append(Problem(display, 1, 1, "vide", "fichier vide : il doit contenir au moins la clé de sa liste"))
            continue
        docs[name] = doc
        try:
            models[name] = model.model_validate(doc.data)
        except ValidationError as exc:
            problems.extend(problems_from_validation(exc, model, doc.positions, display))

    catalogue = Catalogue()
    for attr, (name, key) in COLLECTIONS.items():
        if name not in models:
            continue
        doc = docs[name]
        records = getattr(models[name], key)
        table: dict[str, Any] = getattr(catalogue, attr)
        for i, record in enumerate(records):
            line, col = doc.positions.locate((key, i))
            ident = record.id
            if ident in table:
                first = catalogue.origins[(attr, ident)]
                id_line, id_col = doc.positions.locate((key, i, "id"))
                problems.append(Problem(doc.path, id_line, id_col, "id_duplique",
                                        f"identifiant « {ident} » déjà utilisé ({first.path}:{first.line}) : choisissez-en un autre"))
                continue
            table[ident] = record
            catalogue.origins[(attr, ident)] = Origin(doc.path, line, col)

    for attr, (name, key) in LISTS.items():
        if name in models:
            setattr(catalogue, attr, list(getattr(models[name], key)))
    seen_sigles: dict[str, int] = {}
    for i, sigle in enumerate(catalogue.sigles):
        if sigle.sigle in seen_sigles:
            line, col = docs["glossaire.yaml"].positions.locate(("sigles", i, "sigle"))
            first = docs["glossaire.yaml"].positions.locate(("sigles", seen_sigles[sigle.sigle]))[0]
            problems.append(Problem(docs["glossaire.yaml"].path, line, col, "id_duplique",
                                    f"sigle « {sigle.sigle} » déjà défini (ligne {first}) : gardez une seule définition"))
        seen_sigles.setdefault(sigle.sigle, i)

    # Thématiques and sous-thématiques share one URL folder: one id space.
    for ident in catalogue.thematiques.keys() & catalogue.sous_thematiques.keys():
        o = catalogue.origins[("sous_thematiques", ident)]
        first = catalogue.origins[("thematiques", ident)]
        problems.append(Problem(o.path, o.line, o.col, "id_duplique",
                                f"identifiant « {ident} » déjà utilisé par une thématique ({first.path}:{first.line})"))

    problems.extend(check_references(docs))
    problems.extend(check_old_ids(catalogue, docs))
    if problems:
        raise CatalogueError(problems)
    catalogue.index()
    return catalogue


# URL folder -> collections whose pages live there (one id space per folder).
FOLDERS: dict[str, tuple[str, ...]] = {
    "thematiques": ("thematiques", "sous_thematiques"),
    "geographies": ("zones",),
    "pays": ("pays",),
    "regions": ("regions",),
    "organisations": ("organisations",),
    "contacts": ("contacts",),
    "programmes": ("programmes",),
}


def check_old_ids(catalogue: Catalogue, docs: dict[str, YamlDocument]) -> list[Problem]:
    """An old id keeps its address: it may name no current record, and only one record."""
    problems = []
    for folder, attrs in FOLDERS.items():
        current = {i: attr for attr in attrs for i in getattr(catalogue, attr)}
        claimed: dict[str, str] = {}
        for attr in attrs:
            name, key = COLLECTIONS[attr]
            for i, record in _records(docs, name, key):
                olds = record.get("anciens_ids")
                for j, old in enumerate(olds if isinstance(olds, list) else []):
                    if not isinstance(old, str):
                        continue  # the model reports it
                    line, col = docs[name].positions.locate((key, i, "anciens_ids", j))
                    if old in current:
                        problems.append(Problem(docs[name].path, line, col, "ancien_id",
                                                f"ancien identifiant « {old} » : c'est aussi l'identifiant d'une fiche actuelle ; "
                                                "une adresse ne peut mener qu'à une fiche"))
                    elif old in claimed and claimed[old] != record.get("id"):
                        problems.append(Problem(docs[name].path, line, col, "ancien_id",
                                                f"ancien identifiant « {old} » déjà déclaré par la fiche « {claimed[old]} »"))
                    claimed.setdefault(old, str(record.get("id")))
                    catalogue.old_id_origins.setdefault((folder, old), Origin(docs[name].path, line, col))
    return problems


def _records(docs: dict[str, YamlDocument], name: str, key: str) -> list[tuple[int, dict[str, Any]]]:
    """(index, record) of the raw records of one list, whatever shape the file has (bad shapes are the model's to report)."""
    doc = docs.get(name)
    records = doc.data.get(key) if doc and isinstance(doc.data, dict) else None
    return [(i, r) for i, r in enumerate(records) if isinstance(r, dict)] if isinstance(records, list) else []


def _unknown(ident: str, kind: str, valid: Iterable[str]) -> str:
    valid = sorted(valid, key=cle_fr)
    msg = f"{_UNKNOWN[kind]} « {ident} »"
    close = difflib.get_close_matches(ident, valid, n=3, cutoff=0.6)
    if close:
        msg += f" (vouliez-vous dire {' ou '.join('« ' + c + ' »' for c in close)} ?)"
    if len(valid) <= 80:
        msg += f" ; identifiants valides : {', '.join(valid) if valid else '(aucun)'}"
    else:
        msg += f" ; {len(valid)} identifiants valides, voir le fichier de données"
    return msg


# (file, list key, path inside a record, kind of target). "*" walks a list.
REFERENCES: list[tuple[str, str, tuple[str, ...], str]] = [
    ("thematiques.yaml", "sous_thematiques", ("thematique",), "thematiques"),
    ("geographies.yaml", "pays", ("zone",), "zones"),
    ("organisations.yaml", "organisations", ("pays",), "pays"),
    ("organisations.yaml", "organisations", ("region",), "regions"),
    ("contacts.yaml", "contacts", ("organisation",), "organisations"),
    ("contacts.yaml", "contacts", ("pays", "*"), "pays"),
    ("contacts.yaml", "contacts", ("zones", "*"), "zones"),
    ("contacts.yaml", "contacts", ("thematiques", "*"), "themes"),
    ("contacts.yaml", "contacts", ("regions", "*"), "regions"),
    ("programmes.yaml", "programmes", ("thematiques", "*"), "themes"),
    ("programmes.yaml", "programmes", ("pays", "*"), "pays"),
    ("programmes.yaml", "programmes", ("zones", "*"), "zones"),
    ("programmes.yaml", "programmes", ("villes", "*", "pays"), "pays"),
    ("programmes.yaml", "programmes", ("porteurs", "*"), "organisations"),
    ("programmes.yaml", "programmes", ("contacts", "*"), "contacts"),
    ("pourquoi.yaml", "exemples", ("pays", "*"), "pays"),
    ("pourquoi.yaml", "exemples", ("thematiques", "*"), "themes"),
    ("pourquoi.yaml", "exemples", ("raison",), "raisons"),
    ("cadre.yaml", "etapes", ("organisations", "*"), "organisations"),
    ("acter.yaml", "modeles", ("thematiques", "*"), "themes"),
    ("acter.yaml", "modeles", ("programmes", "*"), "programmes"),
    ("organisations.yaml", "organisations", ("autres_noms", "*", "source", "document"), "documents"),
    ("geographies.yaml", "pays", ("partenariats", "*", "source", "document"), "documents"),
] + [
    (name, key, path, "documents")
    for name, key in [*COLLECTIONS.values(), *LISTS.values()] if name != "documents.yaml"
    for path in (("source", "document"), ("chiffres", "*", "source", "document"), ("caracteristiques", "*", "source", "document"),
                 ("sources_complementaires", "*", "source", "document"))
]


def _walk(value: Any, path: tuple[str, ...], at: tuple[Any, ...]) -> Iterable[tuple[tuple[Any, ...], Any]]:
    """Yield (location, value) for every value at `path` ("*" = each list item)."""
    if not path:
        if value is not None:
            yield at, value
        return
    head, rest = path[0], path[1:]
    if head == "*":
        for j, item in enumerate(value if isinstance(value, list) else []):
            yield from _walk(item, rest, at + (j,))
    elif isinstance(value, dict) and head in value:
        yield from _walk(value[head], rest, at + (head,))


def _declared_ids(docs: dict[str, YamlDocument]) -> dict[str, set[str]]:
    """Ids written in the files, valid records or not.

    Why from the raw data: a record that failed validation still exists for
    the editor; reporting every reference to it as unknown would bury the one
    real error under false ones.
    """
    ids: dict[str, set[str]] = {}
    for attr, (name, key) in COLLECTIONS.items():
        ids[attr] = {r["id"] for _, r in _records(docs, name, key) if isinstance(r.get("id"), str)}
    ids["themes"] = ids["thematiques"] | ids["sous_thematiques"]
    return ids


def check_references(docs: dict[str, YamlDocument]) -> list[Problem]:
    """Every id a record cites must exist. Each problem points at the citing line.

    Runs on every file that parsed, even when another file failed validation,
    so one bad file never hides the broken references of another.
    """
    targets = _declared_ids(docs)
    target_file = {attr: name for attr, (name, _) in COLLECTIONS.items()}
    target_file["themes"] = "thematiques.yaml"
    # A target file whose shape is wrong declares nothing we can trust: its own problem is enough.
    usable = {name for name, doc in docs.items() if isinstance(doc.data, dict)}
    problems: list[Problem] = []
    for name, key, path, kind in REFERENCES:
        doc = docs.get(name)
        if doc is None or target_file[kind] not in usable or not isinstance(doc.data, dict):
            continue
        records = doc.data.get(key)
        for i, record in enumerate(records if isinstance(records, list) else []):
            for loc, ident in _walk(record, path, (key, i)):
                if not isinstance(ident, str) or ident in targets[kind]:
                    continue
                line, col = doc.positions.locate(loc)
                problems.append(Problem(doc.path, line, col, "reference", _unknown(ident, kind, targets[kind]),
                                        field=path[0]))
    return problems
