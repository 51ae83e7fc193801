"""The one schema of the catalogue: pydantic models.

Everything else derives from here: validation of the YAML files, the JSON
Schemas that editors' IDEs use (`schemas/`), and the data-format reference
(`FORMAT-DES-DONNEES.md`). Field descriptions are French because editors
read them as autocompletion hints.

Why references are ids and not nested records: a programme concerns several
countries and thématiques, and a contact is cited by several sections; ids
keep one record per fact and let the build check every link.
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from typing import Annotated, NoReturn

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, Strict, StringConstraints, ValidationError, model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from .markup import MarkupRefused, check_markdown

SLUG_RE = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
ISO3_RE = r"^[A-Z]{3}$"
INSEE_REGION_RE = r"^[0-9]{2}$"
DATE_RE = r"^[0-9]{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12][0-9]|3[01]))?)?$"
PAGES_RE = r"^[0-9]{1,3}(?:-[0-9]{1,3})?(?:, ?[0-9]{1,3}(?:-[0-9]{1,3})?)*$"
NUMERO_RE = r"^[0-9]{1,2}(?:\.[0-9]{1,2})?$"
EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")
PHONE_RE = r"^\+?[0-9 ().-]{6,25}$"

# Messages for patterned strings, keyed by pattern (see errors.py).
PATTERN_MESSAGES = {
    SLUG_RE: "identifiant invalide « {input} » : minuscules sans accents, chiffres et tirets seulement (ex. « eau-assainissement »)",
    ISO3_RE: "code pays ISO 3166 alpha-3 invalide « {input} » : trois majuscules (ex. « MLI » pour le Mali)",
    INSEE_REGION_RE: "code de région INSEE invalide « {input} » : deux chiffres entre guillemets (ex. « 84 »)",
    DATE_RE: "date invalide « {input} » : écrivez AAAA, AAAA-MM ou AAAA-MM-JJ (ex. « 2020-10 »)",
    PAGES_RE: "pages invalides « {input} » : un numéro, une plage ou une liste (ex. « 43 », « 74-77 », « 57, 117 »)",
    NUMERO_RE: "numéro de section invalide « {input} » : ex. « 1 » ou « 1.2 »",
    PHONE_RE: "numéro de téléphone invalide « {input} » : chiffres, espaces, « + », points ou tirets",
}

Slug = Annotated[str, StringConstraints(pattern=SLUG_RE)]
Texte = Annotated[str, StringConstraints(min_length=1)]
DateInfo = Annotated[str, StringConstraints(pattern=DATE_RE), AfterValidator(lambda v: _check_date(v))]
# YAML true/false only: "oui", "yes", 1 or "true" between quotes are refused, not read as booleans.
Booleen = Annotated[bool, Strict()]
Nombre = Annotated[float, Strict()]



def _check_markdown(value: str) -> str:
    """Markdown of the data profile (see markup.py): a value that would need more is refused.

    Why refuse instead of stripping: a silently altered text is a silent loss;
    the editor is told and rewrites it.
    """
    try:
        check_markdown(value)
    except MarkupRefused as exc:
        raise PydanticCustomError(exc.code, "{message}", {"message": exc.message}) from None
    return value


def _check_email(value: str) -> str:
    if value != value.strip():
        raise PydanticCustomError(
            "email_invalide",
            "adresse e-mail « {value} » entourée d'espaces ou de retours à la ligne : retirez-les",
            {"value": value.strip()},
        )
    if not EMAIL_RE.fullmatch(value):
        raise PydanticCustomError(
            "email_invalide",
            "adresse e-mail invalide « {value} » : forme attendue nom@domaine.fr",
            {"value": value},
        )
    return value


_URL_FORBIDDEN = re.compile(r"[\x00-\x20\x7f\"'<>{}\\^`|]")
_HOST_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+(?::[0-9]{1,5})?$")


def _check_url(value: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or _URL_FORBIDDEN.search(value) or not _HOST_RE.fullmatch(parts.netloc):
        raise PydanticCustomError(
            "url_invalide",
            "adresse web invalide « {value} » : une adresse complète qui commence par https:// (ou http://), "
            "sans espace, guillemet, chevron, accolade ni barre oblique inverse",
            {"value": value},
        )
    return value


def _check_odd(value: int) -> int:
    if not 1 <= value <= 17:
        raise PydanticCustomError("odd_invalide", "ODD {value} inexistant : les ODD sont numérotés de 1 à 17", {"value": value})
    return value


def _check_date(value: str) -> str:
    """AAAA[-MM[-JJ]] that exists in the calendar and is not later than today (the day of the build)."""
    parts = [int(x) for x in value.split("-")]
    try:
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise PydanticCustomError("date_invalide", "date « {value} » impossible : ce jour n'existe pas dans le calendrier",
                                  {"value": value}) from None
    today = date.today()
    if tuple(parts) > (today.year, today.month, today.day)[:len(parts)]:
        raise PydanticCustomError("date_invalide", "date « {value} » postérieure au jour de la construction ({today}) : "
                                  "une information ne peut pas dater du futur", {"value": value, "today": today.isoformat()})
    return value


Markdown = Annotated[str, AfterValidator(_check_markdown)]
Email = Annotated[str, AfterValidator(_check_email), Field(json_schema_extra={"format": "email"})]
Url = Annotated[str, AfterValidator(_check_url), Field(json_schema_extra={"format": "uri", "pattern": "^https?://"})]
Odd = Annotated[int, Strict(), AfterValidator(_check_odd), Field(json_schema_extra={"minimum": 1, "maximum": 17})]


class Base(BaseModel):
    """Unknown keys are errors: a typo (`telephon:`) must not pass silently."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)


# --- provenance ------------------------------------------------------------

class Source(Base):
    """Where a record comes from."""

    document: Slug = Field(description="Identifiant du document source (voir data/documents.yaml), ex. « guide-2020 ».")
    pages: str | None = Field(None, pattern=PAGES_RE, description="Page(s) du document, ex. « 43 », « 74-77 », « 57, 117 ».")
    passage: str | None = Field(None, description="Où lire le passage dans le document, montré aux lecteurs, ex. « Diapositive « Priorité au climat » ».")
    note_editeur: str | None = Field(None, description=(
        "Note pour les éditeurs (page déduite, casse restituée, titre déduit…) : jamais publiée sur le site, "
        "listée par « coopdec rapport »."))


class SourceComplementaire(Base):
    """A part of a record whose text comes from another document than the record's `source`.

    Why per field and paragraph: a record often merges the guide with a
    companion document; the reader must see which sentence comes from which,
    and two documents that disagree must both stay visible.
    """

    champ: str = Field(pattern=r"^[a-z_]+$", description="Champ concerné, ex. « description » (ou « resume », « contexte »…).")
    paragraphe: int | None = Field(None, ge=1, description="Numéro du paragraphe de ce champ (1 = le premier) ; vide : tout le champ.")
    source: Source = Field(description="Document et page de cette partie.")


class Sourced(Base):
    """Every record says where its facts come from and how old they are."""

    source: Source = Field(description="Document et page d'où viennent les informations.")
    mis_a_jour: DateInfo = Field(description="Date des informations (AAAA, AAAA-MM ou AAAA-MM-JJ), ex. « 2020 ».")
    sources_complementaires: list[SourceComplementaire] = Field(default_factory=list, description=(
        "Parties de la fiche (champ, paragraphe) qui viennent d'un autre document que « source »."))

    @model_validator(mode="after")
    def _check_parts(self) -> Sourced:
        for i, part in enumerate(self.sources_complementaires):
            value = getattr(self, part.champ, None) if part.champ in type(self).model_fields else None
            if not isinstance(value, str):
                _fail(type(self).__name__, ("sources_complementaires", i, "champ"), part.champ, PydanticCustomError(
                    "champ_invalide", "champ « {champ} » absent ou non textuel dans cette fiche", {"champ": part.champ}))
            count = len(paragraphs(value))
            if part.paragraphe and part.paragraphe > count:
                _fail(type(self).__name__, ("sources_complementaires", i, "paragraphe"), part.paragraphe, PydanticCustomError(
                    "paragraphe_invalide", "le champ « {champ} » n'a que {count} paragraphe(s), pas {n}",
                    {"champ": part.champ, "count": count, "n": part.paragraphe}))
        return self


def _fail(title: str, loc: tuple[str | int, ...], value: object, error: PydanticCustomError) -> NoReturn:
    """Raise from a model validator, but located at one field (pydantic prefixes the record's path)."""
    raise ValidationError.from_exception_data(title, [InitErrorDetails(type=error, loc=loc, input=value)])


def paragraphs(text: str) -> list[str]:
    """Paragraphs of a Markdown text, as `sources_complementaires` counts them."""
    return [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


class Paged(Sourced):
    """A record with its own page. Renaming its id keeps the old address working."""

    anciens_ids: list[Slug] = Field(default_factory=list, description="Anciens identifiants de la fiche : leurs adresses redirigent vers la nouvelle.")


class Document(Base):
    """A source document of the catalogue (the guide, a brochure, a survey…)."""

    id: Slug = Field(description="Identifiant du document, ex. « guide-2020 ».")
    titre: Texte = Field(description="Titre du document.")
    auteur: Texte = Field(description="Organisme(s) auteur(s) ou éditeur(s).")
    date: DateInfo = Field(description="Date de publication (AAAA, AAAA-MM ou AAAA-MM-JJ).")
    description: Markdown | None = Field(None, description="Ce qu'est le document, en une ou deux phrases (Markdown).")
    url: Url | None = Field(None, description="Adresse où le document est publié.")


class Chiffre(Base):
    """A figure as printed, with its own source when it differs from the record's."""

    libelle: Texte = Field(description="Ce que mesure le chiffre, ex. « collectivités françaises engagées ».")
    valeur: Texte = Field(description="La valeur telle qu'imprimée, ex. « 197 » ou « 24,4 millions d'euros ».")
    annee: DateInfo | None = Field(None, description="Année (ou date) à laquelle le chiffre se rapporte.")
    source: Source | None = Field(None, description="Source du chiffre, si elle diffère de celle de la fiche.")


class Lien(Base):
    titre: Texte = Field(description="Intitulé du lien.")
    url: Url = Field(description="Adresse web (https://…).")


# --- thématiques -----------------------------------------------------------

class Thematique(Paged):
    """One of the guide's ten thématiques."""

    id: Slug = Field(description="Identifiant (sert d'adresse de page), ex. « acces-aux-services-essentiels ».")
    numero: str = Field(pattern=NUMERO_RE, description="Numéro dans le guide, ex. « 1 ».")
    titre: Texte = Field(description="Titre de la thématique.")
    titre_infere: Booleen = Field(False, description="true si le titre n'est pas lisible dans la source et a été déduit du contenu.")
    resume: Markdown = Field(description="Résumé rédigé (Markdown), fidèle à la source.")
    odd: list[Odd] = Field(default_factory=list, description="ODD (1 à 17) cités par la source.")
    chiffres: list[Chiffre] = Field(default_factory=list, description="Chiffres cités.")
    liens: list[Lien] = Field(default_factory=list, description="Ressources citées.")


class SousThematique(Thematique):
    """A numbered sub-section of a thématique (1.1, 1.2…)."""

    id: Slug = Field(description="Identifiant (sert d'adresse de page), ex. « eau-assainissement ».")
    numero: str = Field(pattern=NUMERO_RE, description="Numéro dans le guide, ex. « 1.2 ».")
    thematique: Slug = Field(description="Identifiant de la thématique parente.")


# --- géographies -----------------------------------------------------------

class Section(Base):
    """A non-country section of a zone (e.g. the G5 Sahel road map)."""

    id: Slug = Field(description="Identifiant de la section (ancre dans la page de la zone).")
    numero: str | None = Field(None, pattern=NUMERO_RE, description="Numéro dans le guide, ex. « 3.1 ».")
    titre: Texte = Field(description="Titre de la section.")
    texte: Markdown = Field(description="Résumé rédigé (Markdown).")


class Zone(Paged):
    """One of the guide's eleven géographies."""

    id: Slug = Field(description="Identifiant de la zone, ex. « sahel ».")
    numero: str = Field(pattern=NUMERO_RE, description="Numéro dans le guide, ex. « 3 ».")
    titre: Texte = Field(description="Nom de la zone.")
    titre_infere: Booleen = Field(False, description="true si le titre n'est pas lisible dans la source et a été déduit.")
    resume: Markdown = Field(description="Présentation rédigée de la zone (Markdown).")
    sections: list[Section] = Field(default_factory=list, description="Sections de la zone qui ne sont pas des pays.")


class GenrePays(StrEnum):
    pays = "pays"
    sous_region = "sous-region"


class Partenariat(Base):
    """A partnership between authorities cited by a country section."""

    collectivite_francaise: Texte = Field(description="Collectivité française, ex. « Angers ».")
    partenaire: Texte = Field(description="Collectivité ou institution partenaire, ex. « Bamako ».")
    description: Markdown | None = Field(None, description="Ce que fait le partenariat (Markdown).")
    source: Source | None = Field(None, description="Document et page, quand le partenariat est cité ailleurs que dans la section du pays.")


class Pays(Paged):
    """A country (or sub-region) with its own section in a géographie."""

    id: Slug = Field(description="Identifiant, ex. « burkina-faso ».")
    nom: Texte = Field(description="Nom usuel en français.")
    genre: GenrePays = Field(GenrePays.pays, description="« pays » ou « sous-region ».")
    iso3: str | None = Field(None, pattern=ISO3_RE, description="Code ISO 3166 alpha-3 (obligatoire pour un pays), ex. « MLI ».")
    zone: Slug | None = Field(None, description="Identifiant de la zone (géographie) où le guide traite ce pays ; vide si le pays est seulement cité.")
    numero: str | None = Field(None, pattern=NUMERO_RE, description="Numéro de la section dans le guide, ex. « 3.3 ».")
    contexte: Markdown | None = Field(None, description="Contexte de la coopération, rédigé (Markdown) ; vide si le guide n'a pas de section pour ce pays.")
    chiffres: list[Chiffre] = Field(default_factory=list, description="Chiffres cités.")
    partenariats: list[Partenariat] = Field(default_factory=list, description="Partenariats cités.")
    partenaires_recherches: Markdown | None = Field(None, description="Collectivités du pays qui, selon la source, cherchent des partenaires français (qui, sur quels sujets), rédigé ; elles apparaissent aussi sur la page « Partenaires recherchés ».")
    liens: list[Lien] = Field(default_factory=list, description="Ressources citées.")


class Region(Paged):
    """A French region (reference data), for French-side contacts and networks."""

    id: Slug = Field(description="Identifiant, ex. « bretagne ».")
    code_insee: str = Field(pattern=INSEE_REGION_RE, description="Code INSEE de la région, entre guillemets, ex. « 53 ».")
    nom: Texte = Field(description="Nom officiel de la région.")


# --- organisations and contacts -------------------------------------------

class GenreOrganisation(StrEnum):
    ministere = "ministere"
    ambassade = "ambassade"
    association_collectivites = "association-collectivites"
    reseau_regional = "reseau-regional"
    collectivite_francaise = "collectivite-francaise"
    collectivite_etrangere = "collectivite-etrangere"
    association = "association"
    organisation_internationale = "organisation-internationale"
    etablissement_public = "etablissement-public"
    entreprise_fondation = "entreprise-fondation"
    autre = "autre"


class AutreNom(Base):
    """Another name given to the same organisation by another source."""

    nom: Texte = Field(description="Le nom tel que l'autre source l'imprime.")
    source: Source = Field(description="La source qui emploie ce nom.")


class AutreDefinition(AutreNom):
    """Another expansion of a sigle, printed elsewhere than its glossary entry."""

    infobulle: Booleen = Field(False, description=(
        "true si c'est cette forme que le texte courant emploie : elle est montrée quand on survole le sigle."))


class Organisation(Paged):
    id: Slug = Field(description="Identifiant, ex. « aimf ».")
    nom: Texte = Field(description="Nom complet, ex. « Association internationale des maires francophones ».")
    sigle: str | None = Field(None, description="Sigle, ex. « AIMF ».")
    genre: GenreOrganisation = Field(description="Type d'organisation.")
    pays: Slug | None = Field(None, description="Pays où l'organisation est située, si hors de France.")
    region: Slug | None = Field(None, description="Région française, pour une organisation régionale.")
    url: Url | None = Field(None, description="Site web.")
    description: Markdown | None = Field(None, description="Présentation rédigée (Markdown).")
    autres_noms: list[AutreNom] = Field(default_factory=list, description="Noms différents employés par d'autres sources.")


class Contact(Paged):
    """A person or a functional mailbox printed in a source."""

    id: Slug = Field(description="Identifiant, ex. « aimf-secretariat ».")
    nom: str | None = Field(None, description="Nom de la personne, tel qu'imprimé (vide pour une boîte fonctionnelle).")
    fonction: str | None = Field(None, description="Rôle ou fonction, ex. « chargée de mission ODD ».")
    organisation: Slug = Field(description="Identifiant de l'organisation (data/organisations.yaml).")
    email: Email = Field(description="Adresse e-mail telle qu'imprimée.")
    telephone: str | None = Field(None, pattern=PHONE_RE, description="Téléphone.")
    fonctionnel: Booleen = Field(False, description="true pour une adresse de service (secrétariat, direction…), pas une personne.")
    pays: list[Slug] = Field(default_factory=list, description="Pays pour lesquels ce contact est cité.")
    zones: list[Slug] = Field(default_factory=list, description="Zones (géographies) pour lesquelles ce contact est cité.")
    thematiques: list[Slug] = Field(default_factory=list, description="Thématiques ou sous-thématiques pour lesquelles il est cité.")
    regions: list[Slug] = Field(default_factory=list, description="Régions françaises couvertes.")


# --- programmes ------------------------------------------------------------

class GenreProgramme(StrEnum):
    cle_en_main_daect = "cle-en-main-daect"
    cle_en_main_aimf = "cle-en-main-aimf"
    mutualisable = "mutualisable"
    appel_a_projets = "appel-a-projets"
    fonds = "fonds"
    concours = "concours"
    programme_europeen = "programme-europeen"
    autre = "autre"


class Tableau(StrEnum):
    daect = "daect"
    aimf = "aimf"
    mutualisables = "mutualisables"


class LigneTableau(Base):
    """A programme's row in one of the three summary tables, kept as printed."""

    tableau: Tableau = Field(description="Tableau : « daect », « aimf » ou « mutualisables ».")
    pays: Texte = Field(description="Colonne « pays concerné(s) », telle qu'imprimée.")
    thematique: Texte = Field(description="Colonne « thématique », telle qu'imprimée.")
    porteur: str | None = Field(None, description="Colonne « association porteuse » ou « chef de file ».")
    page: str = Field(pattern=PAGES_RE, description="Colonne « voir page ».")


class Ville(Base):
    nom: Texte = Field(description="Nom de la ville ou du territoire.")
    pays: Slug = Field(description="Identifiant du pays.")
    lat: Nombre | None = Field(None, ge=-90, le=90, description="Latitude (degrés décimaux).")
    lon: Nombre | None = Field(None, ge=-180, le=180, description="Longitude (degrés décimaux).")


class Programme(Paged):
    """A programme or project an authority can join, or another scheme."""

    id: Slug = Field(description="Identifiant (sert d'adresse de page), ex. « aimf-eau-assainissement ».")
    titre: Texte = Field(description="Titre court, rédigé.")
    genre: GenreProgramme = Field(description="Type de programme.")
    destination: Texte = Field(description="Destination telle qu'imprimée (pays, villes, territoires).")
    pays: list[Slug] = Field(default_factory=list, description="Pays concernés (identifiants).")
    zones: list[Slug] = Field(default_factory=list, description="Zones concernées, quand la destination dépasse des pays précis.")
    villes: list[Ville] = Field(default_factory=list, description="Villes ou territoires de destination.")
    thematiques: list[Slug] = Field(default_factory=list, description="Thématiques ou sous-thématiques du catalogue (identifiants).")
    thematique_libelle: Texte = Field(description="Thématique telle qu'imprimée dans l'encadré.")
    description: Markdown = Field(description="Ce que fait le programme, rédigé (Markdown).")
    odd: list[Odd] = Field(default_factory=list, description="ODD (1 à 17).")
    odd_note: str | None = Field(None, description="Précision imprimée sur les ODD.")
    porteurs: list[Slug] = Field(default_factory=list, description="Organisations porteuses ou cheffes de file (identifiants).")
    porteur_libelle: str | None = Field(None, description="Porteur(s) tels qu'imprimés, s'ils disent plus que la liste.")
    contacts: list[Slug] = Field(default_factory=list, description="Contacts (identifiants).")
    budget: str | None = Field(None, description="Budget à prévoir pour une collectivité, tel qu'imprimé.")
    liens: list[Lien] = Field(default_factory=list, description="Liens cités (exemples, fiches).")
    tableau: LigneTableau | None = Field(None, description="Ligne du tableau récapitulatif, telle qu'imprimée.")
    gestionnaire: str | None = Field(None, description="Pour un financement : qui le gère, tel qu'imprimé.")
    beneficiaires: str | None = Field(None, description="Pour un financement : qui peut le demander, tel qu'imprimé.")
    taux: str | None = Field(None, description="Pour un financement : taux et montants, tels qu'imprimés.")
    calendrier: str | None = Field(None, description="Calendrier tel qu'imprimé (dates de dépôt, durée).")
    echeance: DateInfo | None = Field(None, description="Pour un appel : date limite de dépôt imprimée (AAAA-MM-JJ, ou AAAA-MM si seul le mois l'est), d'où la construction déduit l'état de l'appel.")
    recurrent: bool = Field(False, description="true si la source dit l'appel renouvelé (chaque année, par sessions) : le site invite alors à vérifier la session en cours.")


# --- glossary --------------------------------------------------------------

class Sigle(Sourced):
    """An acronym and its expansion, as printed."""

    sigle: Texte = Field(description="Le sigle, casse restaurée, ex. « MEAE ».")
    definition: Texte = Field(description="Sa forme développée telle qu'imprimée.")
    glossaire: Booleen = Field(True, description="true si l'entrée figure dans le glossaire du guide ; false pour un sigle développé ailleurs dans le texte.")
    autres_definitions: list[AutreDefinition] = Field(default_factory=list, description=(
        "Autres formes développées imprimées ailleurs (dans le texte du guide ou un autre document), chacune avec sa source."))

    @model_validator(mode="after")
    def _check_tooltip(self) -> Sigle:
        chosen = [i for i, a in enumerate(self.autres_definitions) if a.infobulle]
        if len(chosen) > 1:
            _fail("Sigle", ("autres_definitions", chosen[1], "infobulle"), True, PydanticCustomError(
                "infobulle_invalide", "une seule des autres_definitions peut servir d'infobulle", {}))
        return self

    @property
    def tooltip(self) -> str:
        """What a reader sees on hover: the form the running text uses."""
        return next((a.nom for a in self.autres_definitions if a.infobulle), self.definition)


# --- parts I and II, companion documents ------------------------------------

class Raison(Sourced):
    """One of the reasons to engage (Part I of the guide)."""

    id: Slug = Field(description="Identifiant, ex. « attractivite ».")
    numero: str = Field(pattern=NUMERO_RE, description="Numéro d'ordre, ex. « 1 ».")
    titre: Texte = Field(description="Titre rédigé.")
    resume: Markdown = Field(description="Ce que dit le guide, rédigé (Markdown).")


class Exemple(Sourced):
    """A concrete example of cooperation cited by a source."""

    id: Slug = Field(description="Identifiant, ex. « ifs-debar-formation ».")
    titre: Texte = Field(description="Titre court rédigé.")
    collectivite_francaise: Texte = Field(description="Collectivité française, telle qu'imprimée.")
    partenaire: str | None = Field(None, description="Collectivité ou institution partenaire, telle qu'imprimée.")
    pays: list[Slug] = Field(default_factory=list, description="Pays concernés (identifiants).")
    thematiques: list[Slug] = Field(default_factory=list, description="Thématiques ou sous-thématiques (identifiants).")
    raison: Slug | None = Field(None, description="Raison de s'engager qu'il illustre (identifiant de data/pourquoi.yaml).")
    annee: str | None = Field(None, description="Année ou période, telle qu'imprimée.")
    description: Markdown = Field(description="Ce que l'exemple a fait ou permis, rédigé.")


class TexteJuridique(Sourced):
    """A law or code article of the legal frame."""

    id: Slug = Field(description="Identifiant, ex. « cgct-l1115-1 ».")
    titre: Texte = Field(description="Nom usuel, ex. « Loi Oudin-Santini ».")
    reference: Texte = Field(description="Référence, ex. « article L. 1115-1 du CGCT ».")
    depuis: str | None = Field(None, description="Depuis quand, tel qu'imprimé (date, loi).")
    permet: Markdown = Field(description="Ce que le texte permet, rédigé.")


class Etape(Sourced):
    """A step of the path from idea to project."""

    id: Slug = Field(description="Identifiant de l'étape.")
    numero: str = Field(pattern=NUMERO_RE, description="Numéro d'ordre.")
    titre: Texte = Field(description="Titre rédigé.")
    texte: Markdown = Field(description="Ce qu'il faut faire, rédigé.")
    organisations: list[Slug] = Field(default_factory=list, description="Organisations qui aident à cette étape.")


class ChiffreCle(Base):
    """A key figure with its source, date and scope. Several sources may give several values."""

    indicateur: Slug = Field(description="Ce qui est mesuré, identifiant commun aux sources, ex. « collectivites-engagees ».")
    libelle: Texte = Field(description="Libellé tel que la source le formule.")
    valeur: Texte = Field(description="Valeur telle qu'imprimée.")
    annee: str | None = Field(None, description="Année ou période à laquelle le chiffre se rapporte, telle qu'imprimée.")
    perimetre: str | None = Field(None, description="Périmètre (qui est compté), tel qu'imprimé.")
    source: Source = Field(description="Document et page.")
    mis_a_jour: DateInfo = Field(description="Date du document.")


class Point(Base):
    libelle: Texte = Field(description="Libellé du point (pays, domaine, modèle…).")
    valeur: Nombre = Field(description="Valeur numérique, pour le graphique.")
    valeur_imprimee: Texte = Field(description="Valeur telle qu'imprimée, ex. « 11 600 » ou « 28 % ».")


class Serie(Sourced):
    """A series of figures a reader would rather see as a chart (top countries, domains…)."""

    id: Slug = Field(description="Identifiant de la série, ex. « top-pays-partenaires-daect ».")
    titre: Texte = Field(description="Titre du graphique.")
    unite: str | None = Field(None, description="Unité, ex. « partenariats », « % des collectivités ».")
    points: list[Point] = Field(min_length=1, description="Les points, dans l'ordre de la source.")


class ModeleActer(Sourced):
    """One of the five models of the ACTER typology."""

    id: Slug = Field(description="Identifiant, ex. « humanis ».")
    nom: Texte = Field(description="Nom du modèle, ex. « HUMANIS ».")
    resume: Markdown = Field(description="Portrait rédigé du modèle.")
    caracteristiques: list[Chiffre] = Field(default_factory=list, description="Traits et chiffres du modèle (part des collectivités, budget…).")
    conseils: Markdown | None = Field(None, description="Pistes pour une collectivité de ce profil, rédigées.")
    thematiques: list[Slug] = Field(default_factory=list, description="Thématiques utiles à ce profil.")
    programmes: list[Slug] = Field(default_factory=list, description="Programmes utiles à ce profil.")


class Constat(Sourced):
    id: Slug = Field(description="Identifiant.")
    numero: str = Field(pattern=NUMERO_RE, description="Numéro d'ordre.")
    titre: Texte = Field(description="Titre rédigé.")
    texte: Markdown = Field(description="Le constat, rédigé.")


class Question(Sourced):
    """A question asked by elected officials, with a short answer in our words."""

    id: Slug = Field(description="Identifiant.")
    question: Texte = Field(description="La question.")
    reponse: Markdown = Field(description="Réponse courte, rédigée.")


# --- files -----------------------------------------------------------------

class FichierDocuments(Base):
    documents: list[Document] = Field(description="Documents sources.")


class FichierThematiques(Base):
    thematiques: list[Thematique] = Field(description="Les thématiques.")
    sous_thematiques: list[SousThematique] = Field(default_factory=list, description="Les sous-thématiques.")


class FichierGeographies(Base):
    zones: list[Zone] = Field(description="Les géographies (zones).")
    pays: list[Pays] = Field(default_factory=list, description="Pays et sous-régions.")


class FichierRegions(Base):
    regions: list[Region] = Field(description="Régions françaises.")


class FichierOrganisations(Base):
    organisations: list[Organisation] = Field(description="Organisations.")


class FichierContacts(Base):
    contacts: list[Contact] = Field(description="Contacts.")


class FichierProgrammes(Base):
    programmes: list[Programme] = Field(description="Programmes et dispositifs.")


class FichierGlossaire(Base):
    sigles: list[Sigle] = Field(description="Sigles : glossaire du guide et sigles développés ailleurs.")


class FichierPourquoi(Base):
    raisons: list[Raison] = Field(description="Les raisons de s'engager (partie I).")
    exemples: list[Exemple] = Field(default_factory=list, description="Exemples concrets cités par les sources.")


class FichierCadre(Base):
    textes: list[TexteJuridique] = Field(default_factory=list, description="Cadre juridique.")
    etapes: list[Etape] = Field(default_factory=list, description="De l'idée au projet, pas à pas.")


class FichierChiffres(Base):
    chiffres_cles: list[ChiffreCle] = Field(description="Chiffres clés, chacun avec sa source.")
    series: list[Serie] = Field(default_factory=list, description="Séries de chiffres présentées en graphique.")


class FichierActer(Base):
    modeles: list[ModeleActer] = Field(default_factory=list, description="Les cinq modèles de la typologie ACTER.")
    constats: list[Constat] = Field(default_factory=list, description="Les constats de l'enquête ACTER.")


class FichierQuestions(Base):
    questions: list[Question] = Field(default_factory=list, description="Questions d'élus et réponses.")


# file name -> model; the order is the order of loading and of the reference doc.
DATA_FILES: dict[str, type[Base]] = {
    "documents.yaml": FichierDocuments,
    "thematiques.yaml": FichierThematiques,
    "geographies.yaml": FichierGeographies,
    "regions.yaml": FichierRegions,
    "organisations.yaml": FichierOrganisations,
    "contacts.yaml": FichierContacts,
    "programmes.yaml": FichierProgrammes,
    "glossaire.yaml": FichierGlossaire,
}

# Files that may be absent; validated when present.
OPTIONAL_FILES: dict[str, type[Base]] = {
    "pourquoi.yaml": FichierPourquoi,
    "cadre.yaml": FichierCadre,
    "chiffres.yaml": FichierChiffres,
    "acter.yaml": FichierActer,
    "questions.yaml": FichierQuestions,
}
