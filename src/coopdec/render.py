"""Phase two: the generated Markdown pages, from a checked Catalogue alone.

Renderers are pure: same catalogue, same bytes. No clock, no environment,
every listing sorted by a named key (French collation, see text.cle_fr).
Templates live in `templates/`; this module only prepares what they show.
"""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

import jinja2

from .annuaire import blocs_region, couper, pays_cites
from .appels import statut_appel
from .catalogue import Catalogue, contact_label
from .labels import CHAMPS, GENRES_ORGANISATION, GENRES_PROGRAMME, ODD, TABLEAUX
from .markup import markdown_html, markdown_inline, text_html, text_md
from .models import paragraphs
from .text import cle_fr, date_fr

FOLDERS = {
    "theme": "thematiques",
    "zone": "geographies",
    "pays": "pays",
    "programme": "programmes",
    "contact": "contacts",
    "organisation": "organisations",
    "region": "regions",
    "raison": "pourquoi",
}

INDICATEURS = {
    "collectivites-engagees": "Collectivités françaises engagées",
    "partenariats": "Partenariats de coopération décentralisée",
    "pays-partenaires": "Pays partenaires",
    "collectivites-partenaires-etrangeres": "Collectivités partenaires étrangères",
    "apd-collectivites": "Aide publique au développement des collectivités",
    "projets-cofinances-daect": "Projets cofinancés par la DAECT",
    "budget-daect": "Budget de la DAECT",
}


# Longest list of records printed as HTML on one page. Past it, a page shows the first
# ones and links to the explorer, which holds them all: pages stay light at any catalogue size.
# At real size every list is shorter (at most 133 contacts, 91 programmes).
LISTE_MAX = 200

EXPLORATEURS = {"programmes": "programmes/explorateur.md", "contacts": "contacts/explorateur.md"}

PARTENAIRES_RECHERCHES = "geographies/partenaires-recherches.md"


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # relative to the docs folder, POSIX, e.g. "pays/mali.md"
    markdown: str
    names_person: bool = False  # the page shows a named person: noindex, and left out of sitemap.xml


def url(kind: str, ident: str) -> str:
    return f"{FOLDERS[kind]}/{ident}.md"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("coopdec", "templates"),
        autoescape=False,  # we write Markdown: every data value goes through a filter of markup.py
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        md=text_md,  # plain text in Markdown
        html=text_html,  # plain text in HTML
        block=jinja2.pass_context(lambda ctx, v: markdown_html(v, glossary_of(ctx["cat"]))),  # a Markdown field, own block
        inline=jinja2.pass_context(lambda ctx, v: markdown_inline(v, glossary_of(ctx["cat"]))),  # inside a line
        # Front matter: MkDocs prints title and description unescaped into <title>, <meta>, the
        # header and the nav, so they are HTML text; a JSON string is a valid YAML scalar.
        front=lambda v: json.dumps(text_html(str(v)), ensure_ascii=False),
        date_fr=date_fr,
    )
    env.globals.update(GENRES_PROGRAMME=GENRES_PROGRAMME, GENRES_ORGANISATION=GENRES_ORGANISATION,
                       ODD=ODD, TABLEAUX=TABLEAUX, CHAMPS=CHAMPS, LISTE_MAX=LISTE_MAX)
    return env


class Links:
    """Markdown links from one page to records, relative so `mkdocs --strict` checks them."""

    def __init__(self, catalogue: Catalogue, page_path: str):
        self.cat = catalogue
        self.base = posixpath.dirname(page_path)
        self.names_person = False  # set when the page shows a named person (noindex, out of the sitemap)

    def rel(self, target: str) -> str:
        return posixpath.relpath(target, self.base or ".")

    def theme(self, ident: str) -> str:
        t = self.cat.theme(ident)
        assert t is not None, ident
        return f"[{text_md(t.numero + ' ' + t.titre)}]({self.rel(url('theme', ident))})"

    def zone(self, ident: str) -> str:
        z = self.cat.zones[ident]
        return f"[{text_md(z.titre)}]({self.rel(url('zone', ident))})"

    def pays(self, ident: str) -> str:
        return f"[{text_md(self.cat.pays[ident].nom)}]({self.rel(url('pays', ident))})"

    def programme(self, ident: str) -> str:
        return f"[{text_md(self.cat.programmes[ident].titre)}]({self.rel(url('programme', ident))})"

    def contact(self, ident: str, text: str | None = None) -> str:
        """A link to a contact's page, named by `contact_label` unless `text` (plain text) is given."""
        self.person(self.cat.contacts[ident])
        label = text if text is not None else contact_label(self.cat.contacts[ident], self.cat)
        return f"[{text_md(label)}]({self.rel(url('contact', ident))})"

    def organisation(self, ident: str) -> str:
        o = self.cat.organisations[ident]
        name = f"{o.nom} ({o.sigle})" if o.sigle and o.sigle not in o.nom else o.nom
        return f"[{text_md(name)}]({self.rel(url('organisation', ident))})"

    def region(self, ident: str) -> str:
        return f"[{text_md(self.cat.regions[ident].nom)}]({self.rel(url('region', ident))})"

    def person(self, contact: Any) -> str:
        """Marks the page as naming a person when `contact` is one; returns "" for use in templates."""
        self.names_person = self.names_person or bool(contact.nom)
        return ""

    def explorer(self, jeu: str, filtre: dict[str, Any], text: str) -> str:
        """A link to the explorer with its filters set (state in the address's #fragment).

        Raw HTML: MkDocs would check `#thematique=eau` as a heading anchor and fail the build.
        """
        from html import escape
        from urllib.parse import urlencode

        target = self.rel(EXPLORATEURS[jeu]).removesuffix(".md") + ".html"
        fragment = urlencode(sorted((k, str(v)) for k, v in filtre.items()))
        # text_html: the link's text may come from the data (a zone's title) and Markdown reads it
        # again inside the raw <a>; its signs are character references, so `[x](javascript:…)` stays text.
        return f'<a href="{escape(target + ("#" + fragment if fragment else ""))}">{text_html(text)}</a>'

    def email(self, address: str) -> str:
        return f"[{text_md(address)}](mailto:{address})"

    def source(self, source: Any) -> str:
        doc = self.cat.documents[source.document]
        text = f"*{text_md(doc.titre)}* ({text_md(doc.auteur.split(';')[0].strip())}, {date_fr(doc.date)})"
        if source.pages:
            text += f", p. {source.pages}" if "-" not in source.pages and "," not in source.pages else f", pages {source.pages}"
        if source.passage:
            text += f", {text_md(source.passage[0].lower() + source.passage[1:])}"
        return text  # source.note_editeur is for editors only: never printed

    def short_source(self, source: Any) -> str:
        """« *Brochure…*, CUF, décembre 2019, p. 4 »: a source inside a sentence, without nested brackets."""
        doc = self.cat.documents[source.document]
        text = f"*{text_md(doc.titre)}*, {text_md(doc.auteur.split(';')[0].strip())}, {date_fr(doc.date)}"
        if source.pages:
            text += f", p. {source.pages}" if "-" not in source.pages and "," not in source.pages else f", pages {source.pages}"
        return text + (f", {text_md(source.passage[0].lower() + source.passage[1:])}" if source.passage else "")

    def dated_source(self, source: Any, date: str | None = None) -> str:
        """« *Guide…* (CNCD, 2020), p. 70 (information de 2020) »: what readers need to weigh a fact."""
        date = date or self.cat.documents[source.document].date
        when = date_fr(date)
        prep = "du " if date.count("-") == 2 else ("d'" if when[0] in "aeiouéèêàâ" else "de ")
        return f"{self.source(source)} (information {prep}{when})"

    def prose(self, record: Any, champ: str) -> str:
        """A Markdown field, each paragraph that comes from another document followed by its source."""
        text = getattr(record, champ)
        parts = {p.paragraphe: p.source for p in record.sources_complementaires if p.champ == champ}
        if not parts:
            return markdown_html(text, glossary_of(self.cat))
        out = []
        for n, para in enumerate(paragraphs(text), start=1):
            source = parts.get(n) or (parts.get(None) if n == len(paragraphs(text)) else None)
            out.append(f"{para} (source : {self.short_source(source)})" if source else para)
        return markdown_html("\n\n".join(out), glossary_of(self.cat))  # our markers are Markdown too: one pass


_FRONT = "---\n"


def _render(template: str, path: str, catalogue: Catalogue, **context: Any) -> GeneratedPage:
    env = _environment()
    links = Links(catalogue, path)
    text = env.get_template(template).render(cat=catalogue, link=links, path=path,
                                             contact_label=lambda c: links.person(c) + contact_label(c, catalogue),
                                             statut=lambda p: statut_appel(p, catalogue),
                                             pays_cites=lambda c: pays_cites(c, catalogue), **context)
    if links.names_person and text.startswith(_FRONT):  # known once the body is rendered
        text = _FRONT + "noindex: true\n" + text[len(_FRONT):]
    return GeneratedPage(path, text, links.names_person)


def ouvert_a_tous(prog: Any) -> bool:
    """No country, city or zone recorded: the source does not restrict where it applies (the explorer's « tous »)."""
    return not prog.pays and not prog.zones and not any(v.pays for v in prog.villes)


def par_geographie(programmes: list[Any], catalogue: Catalogue) -> list[tuple[Any, int]]:
    """Each zone with how many of `programmes` apply there, counting those open to every country, as the explorer does."""
    tous = sum(1 for p in programmes if ouvert_a_tous(p))
    ids = {p.id for p in programmes}
    out = []
    for z in sorted(catalogue.zones.values(), key=lambda z: int(z.numero)):
        n = tous + sum(1 for p in catalogue.programmes_par_zone.get(z.id, []) if p.id in ids)
        if n:
            out.append((z, n))
    return out


def render_theme(ident: str, catalogue: Catalogue) -> GeneratedPage:
    theme = catalogue.theme(ident)
    assert theme is not None
    parent = catalogue.thematiques.get(getattr(theme, "thematique", ""))
    programmes = catalogue.programmes_par_theme.get(ident, [])
    return _render("thematique.md.j2", url("theme", ident), catalogue, t=theme, parent=parent,
                   sous=catalogue.sous_par_thematique.get(ident, []), par_zone=par_geographie(programmes, catalogue),
                   programmes=programmes,
                   contacts=catalogue.contacts_par_theme.get(ident, []),
                   exemples=catalogue.exemples_par_theme.get(ident, []))


def render_zone(ident: str, catalogue: Catalogue) -> GeneratedPage:
    return _render("zone.md.j2", url("zone", ident), catalogue, z=catalogue.zones[ident],
                   tous=sum(1 for p in catalogue.programmes.values() if ouvert_a_tous(p)),
                   pays=catalogue.pays_par_zone.get(ident, []),
                   programmes=catalogue.programmes_par_zone.get(ident, []),
                   contacts=catalogue.contacts_par_zone.get(ident, []))


def render_pays(ident: str, catalogue: Catalogue) -> GeneratedPage:
    organisations = sorted((o for o in catalogue.organisations.values() if o.pays == ident), key=lambda o: cle_fr(o.nom))
    programmes = catalogue.programmes_par_pays.get(ident, [])
    points = sorted({(v.nom, prog.id) for prog in programmes for v in prog.villes if v.lat is not None and v.pays == ident},
                    key=lambda x: (cle_fr(x[0]), x[1]))
    return _render("pays.md.j2", url("pays", ident), catalogue, p=catalogue.pays[ident], has_points=bool(points), points=points,
                   programmes=catalogue.programmes_par_pays.get(ident, []),
                   contacts=catalogue.contacts_par_pays.get(ident, []), organisations=organisations,
                   exemples=catalogue.exemples_par_pays.get(ident, []))


def render_partenaires_recherches(catalogue: Catalogue) -> GeneratedPage:
    """Every country whose section says local authorities there look for French partners."""
    pays = sorted((p for p in catalogue.pays.values() if p.partenaires_recherches), key=lambda p: cle_fr(p.nom))
    return _render("partenaires-recherches.md.j2", PARTENAIRES_RECHERCHES, catalogue, pays=pays)


def render_region(ident: str, catalogue: Catalogue) -> GeneratedPage:
    tous = blocs_region(ident, catalogue)
    programmes = sorted({p.id: p for b in tous for p in catalogue.programmes_par_organisation.get(b.organisation.id, [])
                         if b.organisation.region == ident}.values(), key=lambda p: (cle_fr(p.titre), p.id))
    blocs = couper(tous, _environment().globals["LISTE_MAX"])  # bounded like every list; the rest in the explorer
    return _render("region.md.j2", url("region", ident), catalogue, r=catalogue.regions[ident], blocs=blocs,
                   total=sum(len(b.contacts) for b in tous), programmes=programmes)


def render_programme(ident: str, catalogue: Catalogue) -> GeneratedPage:
    prog = catalogue.programmes[ident]
    villes_pays = sorted({v.pays for v in prog.villes} - set(prog.pays), key=lambda i: cle_fr(catalogue.pays[i].nom))
    return _render("programme.md.j2", url("programme", ident), catalogue, p=prog, villes_pays=villes_pays)


def render_contact(ident: str, catalogue: Catalogue) -> GeneratedPage:
    return _render("contact.md.j2", url("contact", ident), catalogue, c=catalogue.contacts[ident],
                   programmes=catalogue.programmes_par_contact.get(ident, []))


def render_organisation(ident: str, catalogue: Catalogue) -> GeneratedPage:
    return _render("organisation.md.j2", url("organisation", ident), catalogue, o=catalogue.organisations[ident],
                   contacts=catalogue.contacts_par_organisation.get(ident, []),
                   programmes=catalogue.programmes_par_organisation.get(ident, []))


def render_glossaire(catalogue: Catalogue) -> GeneratedPage:
    key = lambda s: cle_fr(s.sigle)  # noqa: E731
    glossaire = sorted((s for s in catalogue.sigles if s.glossaire), key=key)
    autres = sorted((s for s in catalogue.sigles if not s.glossaire), key=key)
    source = glossaire[0].source if glossaire else None
    return _render("glossaire.md.j2", "glossaire.md", catalogue, glossaire=glossaire, autres=autres, source=source)


def glossary_of(catalogue: Catalogue) -> tuple[tuple[str, str], ...]:
    """The sigles as (sigle, tooltip) pairs, for the tooltips inside Markdown fields (the site's own glossary).

    Computed once per catalogue (it is asked for by every Markdown field of every page)."""
    cached = catalogue.__dict__.get("_glossaire")
    if cached is None:
        cached = catalogue.__dict__["_glossaire"] = tuple(abbreviation_glossary(catalogue).items())
    return cached


def abbreviation_glossary(catalogue: Catalogue) -> dict[str, str]:
    """The sigles and their meaning, for the `abbr` extension's `glossary` option (hover tooltips).

    Why an option and not definitions appended to each page: Python-Markdown's `abbr`
    parser takes one definition line per pass and hands the rest back, so every block
    processor re-scans the remainder: quadratic in the number of sigles, on every page
    (12 of the 18 CPU seconds of the real site). The glossary costs nothing per page.
    """
    return {s.sigle: s.tooltip for s in sorted(catalogue.sigles, key=lambda s: s.sigle)
            if "]" not in s.sigle and "\n" not in s.tooltip}


def abbreviations(catalogue: Catalogue) -> str:
    """The same definitions as Markdown, for engines that take the pages without our hooks.

    One definition per paragraph (blank lines between): the `abbr` parser then reads each
    in one pass, linear in the number of sigles, where consecutive lines are quadratic.
    """
    return "\n\n".join(f"*[{k}]: {v}" for k, v in abbreviation_glossary(catalogue).items())


def render_raison(ident: str, catalogue: Catalogue) -> GeneratedPage:
    return _render("raison.md.j2", url("raison", ident), catalogue, r=catalogue.raisons[ident],
                   exemples=catalogue.exemples_par_raison.get(ident, []))


def _valeurs_distinctes(rows: list[Any]) -> list[str]:
    """The printed values of one indicator, each once (« 4 700 » and « 4700 » are the same)."""
    seen: dict[str, str] = {}
    for c in rows:
        seen.setdefault(c.valeur.replace(" ", "").replace("\u202f", "").replace("\xa0", ""), c.valeur)
    return list(seen.values())


def render_chiffres(catalogue: Catalogue) -> GeneratedPage:
    """Headline figures first (every source's value, none chosen), then the rest grouped by document.

    Why grouped by document: one heading per indicator gave a hundred headings that were
    sentence fragments; readers scan a table per source instead.
    """
    from .charts import bar_chart

    groupes: dict[str, list[Any]] = {}
    for c in catalogue.chiffres_cles:
        groupes.setdefault(c.indicateur, []).append(c)
    principaux = [(k, groupes[k]) for k in INDICATEURS if k in groupes]
    par_doc: dict[str, list[Any]] = {}
    for c in catalogue.chiffres_cles:
        if c.indicateur not in INDICATEURS:
            par_doc.setdefault(c.source.document, []).append(c)
    docs = sorted(par_doc, key=lambda d: (-len(par_doc[d]), d))  # the document with most figures first
    series = sorted(catalogue.series.values(), key=lambda s: cle_fr(s.titre))
    return _render("chiffres.md.j2", "chiffres-cles.md", catalogue, principaux=principaux,
                   titres={k: INDICATEURS[k] for k, _ in principaux},
                   valeurs={k: _valeurs_distinctes(rows) for k, rows in principaux},
                   par_document=[(catalogue.documents[d], par_doc[d]) for d in docs],
                   series=series, charts={s.id: bar_chart(s) for s in series})


def render_acter(catalogue: Catalogue) -> GeneratedPage:
    modeles = list(catalogue.modeles.values())
    lignes: list[str] = []
    cellules: dict[str, dict[str, str]] = {}
    for mo in modeles:
        cellules[mo.id] = {}
        for c in mo.caracteristiques:
            if c.libelle not in lignes:
                lignes.append(c.libelle)
            cellules[mo.id][c.libelle] = c.valeur
    constats = sorted(catalogue.constats.values(), key=lambda c: int(c.numero.split(".")[0]))
    return _render("acter.md.j2", "acter.md", catalogue, modeles=modeles, lignes=lignes, cellules=cellules, constats=constats)


def render_questions(catalogue: Catalogue) -> GeneratedPage:
    return _render("questions.md.j2", "questions.md", catalogue, questions=list(catalogue.questions.values()))


def render_odd_pages(catalogue: Catalogue) -> list[GeneratedPage]:
    """One page per SDG (1-17) and an index: programmes and thématiques that cite it."""
    progs: dict[int, list[Any]] = {n: [] for n in ODD}
    themes: dict[int, list[Any]] = {n: [] for n in ODD}
    for p in catalogue.programmes.values():
        for n in p.odd:
            progs[n].append(p)
    for t in [*catalogue.thematiques.values(), *catalogue.sous_thematiques.values()]:
        for n in t.odd:
            themes[n].append(t)
    pages = []
    for n in ODD:
        pages.append(_render("odd.md.j2", f"odd/{n}.md", catalogue, n=n, prev=n - 1 if n > 1 else None,
                             next=n + 1 if n < 17 else None,
                             programmes=sorted(progs[n], key=lambda p: (cle_fr(p.titre), p.id)),
                             themes=sorted(themes[n], key=lambda t: [int(x) for x in t.numero.split(".")])))
    rows = [(n, len(progs[n]), len(themes[n])) for n in ODD]
    pages.append(_render("odd-index.md.j2", "odd/index.md", catalogue, rows=rows))
    return pages


# Record collection -> (page kind, renderer): one page per record.
RECORD_PAGES: list[tuple[str, str, Callable[[str, Catalogue], GeneratedPage]]] = [
    ("thematiques", "theme", render_theme),
    ("sous_thematiques", "theme", render_theme),
    ("zones", "zone", render_zone),
    ("pays", "pays", render_pays),
    ("programmes", "programme", render_programme),
    ("contacts", "contact", render_contact),
    ("organisations", "organisation", render_organisation),
    ("regions", "region", render_region),
    ("raisons", "raison", render_raison),
]


@dataclass(frozen=True)
class PlannedPage:
    """A page the catalogue will generate, known before anything is rendered.

    `origin` is the (collection, id) of the record behind it, or None for a page of the
    whole catalogue (glossary, key figures…). Used to check that no address is taken twice.
    """

    paths: tuple[str, ...]
    origin: tuple[str, str] | None
    make: Callable[[], list[GeneratedPage]]


def site_plan(catalogue: Catalogue) -> list[PlannedPage]:
    """Every page the catalogue generates, in a fixed order, without rendering any."""
    plan = [PlannedPage((url(kind, i),), (attr, i), lambda r=render, i=i: [r(i, catalogue)])
            for attr, kind, render in RECORD_PAGES for i in getattr(catalogue, attr)]
    fixed: list[tuple[bool, tuple[str, ...], Callable[[], Any]]] = [
        (any(p.partenaires_recherches for p in catalogue.pays.values()), (PARTENAIRES_RECHERCHES,),
         lambda: [render_partenaires_recherches(catalogue)]),
        (bool(catalogue.sigles), ("glossaire.md",), lambda: [render_glossaire(catalogue)]),
        (bool(catalogue.chiffres_cles or catalogue.series), ("chiffres-cles.md",), lambda: [render_chiffres(catalogue)]),
        (bool(catalogue.modeles), ("acter.md",), lambda: [render_acter(catalogue)]),
        (bool(catalogue.questions), ("questions.md",), lambda: [render_questions(catalogue)]),
        (True, (*(f"odd/{n}.md" for n in ODD), "odd/index.md"), lambda: render_odd_pages(catalogue)),
    ]
    plan += [PlannedPage(paths, None, make) for wanted, paths, make in fixed if wanted]
    return plan


def render_site(catalogue: Catalogue) -> list[GeneratedPage]:
    """Every generated page, sorted by path. Linear in the number of records."""
    return sorted((page for planned in site_plan(catalogue) for page in planned.make()), key=lambda p: p.path)


def render_listing(template: str, page_path: str, catalogue: Catalogue, **context: Any) -> GeneratedPage:
    """A generated list placed in a hand-written page by a directive."""
    return _render(template, page_path, catalogue, **context)
