"""Open data: CSV and JSON tables described by TableSchema, in a Data Package.

Why one row builder per table and one field list: the CSV, the JSON and the
TableSchema cannot drift apart. Lists are joined with « ; » in both formats,
so one schema describes both. Named persons stay out by default (personal
data minimisation): the contacts table then holds functional mailboxes only,
and programmes list only functional contact addresses.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict

from .catalogue import Catalogue
from .models import SLUG_RE
from .text import cle_fr

LICENCE = {"name": "etalab-2.0", "title": "Licence Ouverte / Open Licence version 2.0",
           "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"}
FOLDER = "donnees"


class ExportSettings(BaseModel):
    """`extra.catalogue` in mkdocs.yml (read and located by settings.py)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    exports_personnes: bool = False  # include named persons in the bulk exports


@dataclass(frozen=True)
class Champ:
    name: str
    type: str  # TableSchema type: string, integer, boolean, date
    title: str
    required: bool = False
    pattern: str | None = None
    enum: tuple[str, ...] | None = None

    def schema(self) -> dict[str, Any]:
        field: dict[str, Any] = {"name": self.name, "type": self.type, "title": self.title}
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.pattern:
            constraints["pattern"] = self.pattern.strip("^$")
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            field["constraints"] = constraints
        return field


ID = Champ("id", "string", "Identifiant (adresse de la fiche)", True, SLUG_RE)
LIST_NOTE = " (valeurs séparées par « ; »)"
SOURCE = [Champ("source_document", "string", "Document source", True), Champ("source_pages", "string", "Pages du document source"),
          Champ("mis_a_jour", "string", "Date de l'information (AAAA, AAAA-MM ou AAAA-MM-JJ)", True, r"^[0-9]{4}(-[0-9]{2}){0,2}$"),
          Champ("page", "string", "Adresse de la fiche sur le site", True)]


def _join(values: list[Any]) -> str:
    return ";".join(str(v) for v in values)


def _src(record: Any, page: str) -> dict[str, Any]:
    return {"source_document": record.source.document, "source_pages": record.source.pages or "",
            "mis_a_jour": record.mis_a_jour, "page": page}


@dataclass
class Table:
    name: str
    title: str
    description: str
    fields: list[Champ]
    rows: Callable[[Catalogue, ExportSettings], list[dict[str, Any]]]

    def schema(self) -> dict[str, Any]:
        return {"fields": [f.schema() for f in self.fields], "primaryKey": "id" if self.fields[0].name == "id" else None,
                "missingValues": [""]}


def _programmes(cat: Catalogue, settings: ExportSettings) -> list[dict[str, Any]]:
    rows = []
    for p in sorted(cat.programmes.values(), key=lambda p: p.id):
        contacts = [cat.contacts[c] for c in p.contacts]
        emails = [c.email for c in contacts if settings.exports_personnes or c.fonctionnel]
        rows.append({"id": p.id, "titre": p.titre, "genre": p.genre, "destination": p.destination,
                     "pays": _join(p.pays), "pays_iso3": _join(cat.pays[i].iso3 or "" for i in p.pays) if p.pays else "",
                     "villes": _join(v.nom for v in p.villes), "zones": _join(p.zones), "thematiques": _join(p.thematiques),
                     "odd": _join(sorted(p.odd)), "porteurs": _join(p.porteurs), "porteur_libelle": p.porteur_libelle or "",
                     "contacts": _join(emails), "budget": (p.budget or "").strip(), "description": p.description.strip(),
                     **_src(p, f"programmes/{p.id}.html")})
    return rows


def _thematiques(cat: Catalogue, settings: ExportSettings) -> list[dict[str, Any]]:
    items = [*cat.thematiques.values(), *cat.sous_thematiques.values()]
    items.sort(key=lambda t: [int(x) for x in t.numero.split(".")])
    return [{"id": t.id, "numero": t.numero, "titre": t.titre, "thematique_parente": getattr(t, "thematique", ""),
             "titre_infere": t.titre_infere, "odd": _join(sorted(t.odd)), "resume": t.resume.strip(),
             **_src(t, f"thematiques/{t.id}.html")} for t in items]


def _zones(cat: Catalogue, settings: ExportSettings) -> list[dict[str, Any]]:
    return [{"id": z.id, "numero": z.numero, "titre": z.titre, "titre_infere": z.titre_infere, "resume": z.resume.strip(),
             **_src(z, f"geographies/{z.id}.html")} for z in sorted(cat.zones.values(), key=lambda z: int(z.numero))]


def _pays(cat: Catalogue, settings: ExportSettings) -> list[dict[str, Any]]:
    return [{"id": p.id, "nom": p.nom, "genre": p.genre, "iso3": p.iso3 or "", "zone": p.zone or "", "numero": p.numero or "",
             "contexte": (p.contexte or "").strip(), **_src(p, f"pays/{p.id}.html")}
            for p in sorted(cat.pays.values(), key=lambda p: p.id)]


def _contacts(cat: Catalogue, settings: ExportSettings) -> list[dict[str, Any]]:
    rows = []
    for c in sorted(cat.contacts.values(), key=lambda c: c.id):
        if not (settings.exports_personnes or c.fonctionnel):
            continue
        org = cat.organisations[c.organisation]
        nom = (c.nom or "") if settings.exports_personnes else ""  # functional data only: no person's name
        rows.append({"id": c.id, "nom": nom, "fonction": c.fonction or "", "organisation": c.organisation,
                     "organisation_nom": org.nom, "email": c.email, "telephone": c.telephone or "", "fonctionnel": c.fonctionnel,
                     "pays": _join(sorted(c.pays)), "zones": _join(sorted(c.zones)), "thematiques": _join(sorted(c.thematiques)),
                     "regions": _join(sorted(c.regions)), **_src(c, f"contacts/{c.id}.html")})
    return rows


def _s(name: str, title: str, required: bool = False, **kw: Any) -> Champ:
    return Champ(name, "string", title, required, **kw)


TABLES = [
    Table("programmes", "Programmes et dispositifs",
          "Programmes « clés en main », projets mutualisables, appels à projets, fonds et autres dispositifs.",
          [ID, _s("titre", "Titre", True), _s("genre", "Type de programme", True), _s("destination", "Destination telle qu'imprimée", True),
           _s("pays", "Pays (identifiants)" + LIST_NOTE), _s("pays_iso3", "Pays (ISO 3166 alpha-3)" + LIST_NOTE),
           _s("villes", "Villes et territoires" + LIST_NOTE), _s("zones", "Géographies" + LIST_NOTE),
           _s("thematiques", "Thématiques (identifiants)" + LIST_NOTE), _s("odd", "ODD" + LIST_NOTE),
           _s("porteurs", "Organisations porteuses (identifiants)" + LIST_NOTE), _s("porteur_libelle", "Porteur(s) tels qu'imprimés"),
           _s("contacts", "Adresses de contact" + LIST_NOTE), _s("budget", "Budget à prévoir"), _s("description", "Description", True),
           *SOURCE], _programmes),
    Table("thematiques", "Thématiques et sous-thématiques", "Les dix thématiques du guide et leurs sous-thématiques.",
          [ID, _s("numero", "Numéro", True), _s("titre", "Titre", True),
           _s("thematique_parente", "Thématique parente (pour une sous-thématique)"),
           Champ("titre_infere", "boolean", "Titre déduit du contenu", True), _s("odd", "ODD" + LIST_NOTE),
           _s("resume", "Résumé", True), *SOURCE], _thematiques),
    Table("zones", "Géographies", "Les onze géographies (zones) du guide.",
          [ID, _s("numero", "Numéro", True), _s("titre", "Titre", True), Champ("titre_infere", "boolean", "Titre déduit du contenu", True),
           _s("resume", "Présentation", True), *SOURCE], _zones),
    Table("pays", "Pays et sous-régions", "Pays et sous-régions traités ou cités par le guide.",
          [ID, _s("nom", "Nom", True), _s("genre", "pays ou sous-région", True, enum=("pays", "sous-region")),
           _s("iso3", "Code ISO 3166 alpha-3", pattern=r"^[A-Z]{3}$"), _s("zone", "Géographie"), _s("numero", "Numéro de section"),
           _s("contexte", "Contexte"), *SOURCE], _pays),
    Table("contacts", "Contacts", "Contacts cités par les sources. Par défaut, seulement les adresses de service (aucune personne nommée).",
          [ID, _s("nom", "Nom de la personne"), _s("fonction", "Fonction"), _s("organisation", "Organisation (identifiant)", True),
           _s("organisation_nom", "Organisation", True), _s("email", "Adresse e-mail", True), _s("telephone", "Téléphone"),
           Champ("fonctionnel", "boolean", "Adresse de service", True), _s("pays", "Pays" + LIST_NOTE),
           _s("zones", "Géographies" + LIST_NOTE),
           _s("thematiques", "Thématiques" + LIST_NOTE), _s("regions", "Régions françaises" + LIST_NOTE), *SOURCE], _contacts),
]


def _csv(table: Table, rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[f.name for f in table.fields], lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("true" if v is True else "false" if v is False else v) for k, v in row.items()})
    return out.getvalue()


def export_files(cat: Catalogue, settings: ExportSettings, date: str) -> dict[str, str]:
    """Every export file, path (under donnees/) -> text. Deterministic: sorted rows and keys."""
    files: dict[str, str] = {}
    resources = []
    for table in TABLES:
        rows = table.rows(cat, settings)
        files[f"{table.name}.csv"] = _csv(table, rows)
        files[f"{table.name}.json"] = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
        files[f"{table.name}.schema.json"] = json.dumps(table.schema(), ensure_ascii=False, indent=1) + "\n"
        resources.append({"name": table.name, "title": table.title, "description": table.description,
                          "path": f"{table.name}.csv", "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
                          "dialect": {"delimiter": ",", "header": True}, "schema": f"{table.name}.schema.json",
                          "licenses": [LICENCE]})
    files["datapackage.json"] = json.dumps({
        "name": "catalogue-cooperation-decentralisee", "title": "Catalogue de la coopération décentralisée",
        "licenses": [LICENCE], "version": date, "resources": resources,
        "sources": [{"title": d.titre, "path": d.url or ""} for d in sorted(cat.documents.values(), key=lambda d: cle_fr(d.titre))],
    }, ensure_ascii=False, indent=1) + "\n"
    return files
