"""The contacts directory, grouped the way an official looks for someone to call.

Why grouped and not one alphabetical list: sorted by label, the thirty service
mailboxes (« Adresse générale de… ») came first and the page ran to 33,000 px.
Readers look either nationally (the DAECT, the associations of local
authorities), in their own region (diplomatic adviser, regional network) or in
a partner country (embassy, local association). Each contact appears once, in
the group of its organisation; pure and deterministic, like the renderers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .catalogue import Catalogue, contact_sort_key
from .labels import GENRES_ORGANISATION
from .models import Contact, Organisation
from .text import cle_fr

GENRES = list(GENRES_ORGANISATION)  # the order of organisation kinds inside a group

NATIONAL = {  # national groups, by kind of organisation: heading, in this order
    "ministere": "Services de l'État",
    "association-collectivites": "Associations de collectivités",
    "reseau-regional": "Réseaux",
    "collectivite-francaise": "Collectivités",
    "association": "Associations et fédérations",
    "etablissement-public": "Établissements publics",
    "organisation-internationale": "Organisations internationales",
    "entreprise-fondation": "Entreprises et fondations",
    "ambassade": "Ambassades",
    "collectivite-etrangere": "Collectivités étrangères",
    "autre": "Autres organismes",
}


@dataclass(frozen=True)
class Bloc:
    """Contacts under one organisation (national and regional groups) or one country (partner countries)."""

    organisation: Organisation | None
    pays: str | None
    contacts: list[Contact]


@dataclass
class Groupe:
    ancre: str
    titre: str
    blocs: list[Bloc] = field(default_factory=list)

    @property
    def nombre(self) -> int:
        return sum(len(b.contacts) for b in self.blocs)


@dataclass
class Section:
    ancre: str
    titre: str
    groupes: list[Groupe] = field(default_factory=list)


def _pays_de(c: Contact, org: Organisation, cat: Catalogue) -> str | None:
    """The partner country a contact belongs under: its organisation's, or an embassy's only country cited."""
    if org.pays:
        return org.pays
    if org.genre == "ambassade" and len(c.pays) == 1:
        return c.pays[0]
    return None


def _region_de(c: Contact, org: Organisation) -> str | None:
    if org.region:
        return org.region
    return min(c.regions) if c.regions and not org.pays else None


def _ordre_contacts(contacts: list[Contact], cat: Catalogue) -> list[Contact]:
    """People first, by family name; the organisation's service addresses after them."""
    return sorted(contacts, key=lambda c: (not c.nom, contact_sort_key(c, cat)))


def _blocs_par_organisation(contacts: list[Contact], cat: Catalogue) -> list[Bloc]:
    par_org: dict[str, list[Contact]] = {}
    for c in contacts:
        par_org.setdefault(c.organisation, []).append(c)
    orgs = sorted((cat.organisations[o] for o in par_org), key=lambda o: (GENRES.index(o.genre), cle_fr(o.nom), o.id))
    return [Bloc(o, None, _ordre_contacts(par_org[o.id], cat)) for o in orgs]


def _blocs_par_pays(contacts: list[tuple[str, Contact]], cat: Catalogue) -> list[Bloc]:
    par_pays: dict[str, list[Contact]] = {}
    for pays, c in contacts:
        par_pays.setdefault(pays, []).append(c)

    def cle(c: Contact) -> tuple:
        org = cat.organisations[c.organisation]
        # France's embassy first: the reader's first interlocutor in the country, then local bodies.
        return (org.genre != "ambassade", GENRES.index(org.genre), cle_fr(org.nom), not c.nom, contact_sort_key(c, cat))

    ordre = sorted(par_pays, key=lambda p: (cle_fr(cat.pays[p].nom), p))
    return [Bloc(None, p, sorted(par_pays[p], key=cle)) for p in ordre]


def annuaire(cat: Catalogue) -> list[Section]:
    """Three sections (national, by French region, by partner zone), each a list of headed groups."""
    national: dict[str, list[Contact]] = {}
    regions: dict[str, list[Contact]] = {}
    zones: dict[str, list[tuple[str, Contact]]] = {}
    for c in cat.contacts.values():
        org = cat.organisations[c.organisation]
        pays, region = _pays_de(c, org, cat), _region_de(c, org)
        if pays:
            zones.setdefault(cat.pays[pays].zone or "", []).append((pays, c))
        elif region:
            regions.setdefault(region, []).append(c)
        else:
            national.setdefault(org.genre, []).append(c)

    s_national = Section("annuaire-national", "À l'échelle nationale", [
        Groupe(f"annuaire-{genre}", NATIONAL[genre], _blocs_par_organisation(national[genre], cat))
        for genre in NATIONAL if genre in national])
    s_regions = Section("annuaire-regions", "En région", [
        Groupe(f"annuaire-region-{r}", cat.regions[r].nom, _blocs_par_organisation(regions[r], cat))
        for r in sorted(regions, key=lambda r: (cle_fr(cat.regions[r].nom), r))])
    numeros = {z: int(cat.zones[z].numero) for z in zones if z}
    s_pays = Section("annuaire-pays", "Dans les pays partenaires", [
        Groupe(f"annuaire-zone-{z}" if z else "annuaire-zone-autres", cat.zones[z].titre if z else "Autres pays",
               _blocs_par_pays(zones[z], cat))
        for z in sorted(zones, key=lambda z: (numeros.get(z, 999), z))])
    return [s for s in (s_national, s_regions, s_pays) if s.groupes]


# On a region's page: the network that advises local authorities first, then the State's
# diplomatic adviser (a préfecture, kind « autre »), then local authorities and the rest.
ORDRE_REGION = ["reseau-regional", "autre", "ministere", "collectivite-francaise", "association-collectivites",
                "association", "etablissement-public", "entreprise-fondation", "organisation-internationale",
                "collectivite-etrangere", "ambassade"]


def blocs_region(region: str, cat: Catalogue) -> list[Bloc]:
    """A region's organisations with their contacts, those with someone to write to first.

    Organisations of the region, and those of contacts cited for it; a contact appears under its organisation.
    """
    contacts: dict[str, list[Contact]] = {}
    for c in cat.contacts.values():
        if region in c.regions or cat.organisations[c.organisation].region == region:
            contacts.setdefault(c.organisation, []).append(c)
    orgs = {o.id: o for o in cat.organisations.values() if o.region == region}
    orgs.update({o: cat.organisations[o] for o in contacts})
    ordre = sorted(orgs.values(), key=lambda o: (o.id not in contacts, ORDRE_REGION.index(o.genre), cle_fr(o.nom), o.id))
    return [Bloc(o, None, _ordre_contacts(contacts.get(o.id, []), cat)) for o in ordre]


def pays_cites(c: Contact, cat: Catalogue) -> list[str]:
    """The names of the countries a contact is cited for, in French order."""
    return sorted((cat.pays[p].nom for p in c.pays), key=cle_fr)


def couper(blocs: list[Bloc], maximum: int) -> list[Bloc]:
    """The blocks in order until `maximum` contacts are shown (the last one cut short)."""
    out, reste = [], maximum
    for b in blocs:
        if reste <= 0:
            break
        out.append(Bloc(b.organisation, b.pays, b.contacts[:reste]))
        reste -= len(out[-1].contacts)
    return out


def limiter(sections: list[Section], maximum: int) -> tuple[list[Section], int]:
    """The directory cut after `maximum` contacts (pages stay light at any size), and how many it holds in all."""
    total = sum(g.nombre for s in sections for g in s.groupes)
    out, reste = [], maximum
    for s in sections:
        groupes = []
        for g in s.groupes:
            blocs = couper(g.blocs, reste)
            reste -= sum(len(b.contacts) for b in blocs)
            if blocs:
                groupes.append(Groupe(g.ancre, g.titre, blocs))
        if groupes:
            out.append(Section(s.ancre, s.titre, groupes))
    return out, total
