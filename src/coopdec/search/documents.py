"""What the search finds: typed records with weighted fields, and pages by section.

Why records rather than rendered pages: a record knows which words are its
name, its places or its themes, so a name can weigh more than a description,
and its result can say what it is (Programme, Contact…) and where it belongs.
Hand-written pages and the Part I–II pages have no fields: they are cut at
their headings, one document per section, with the section's anchor.

Plain text only: Markdown marks, links targets, tables and HTML comments are
dropped, so that snippets are sentences and never table headers.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markdown.extensions.toc import slugify, unique

from ..catalogue import Catalogue, contact_label
from ..labels import GENRES_ORGANISATION, GENRES_PROGRAMME
from ..render import FOLDERS, GeneratedPage

# Field weights: title > names, acronyms, porteur > places, themes > body.
TITRE, NOMS, LIEUX, THEMES, CORPS = 10.0, 5.0, 3.0, 3.0, 1.0

KINDS = {"programme": "Programme", "contact": "Contact", "organisation": "Organisation", "pays": "Pays",
         "zone": "Zone", "theme": "Thématique", "region": "Région", "page": "Page"}


@dataclass
class SearchDocument:
    url: str       # relative to the site root, e.g. "pays/senegal.html" or "s-engager/etapes.html#financer"
    kind: str      # a key of KINDS
    title: str
    context: str   # one line: zone, thématique, organisation…
    text: str      # plain sentences, for snippets (whole: index.py stores the start with the document)
    fields: list[tuple[float, str]] = field(default_factory=list)  # (weight, text), title included
    alias: str = ""  # another exact name (an organisation's acronym): matched exactly, it ranks first too
    boost: float = 1.0  # front matter `search: boost` of a page: multiplies its scores


def _html(path: str) -> str:
    return path[:-3] + ".html" if path.endswith(".md") else path


def _page(kind: str, ident: str) -> str:
    return f"{FOLDERS[kind]}/{ident}.html"


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTR = re.compile(r"\{[:#.][^}]*\}")
_BLOCKS = re.compile(r"^\s*(?:[-+*]|\d+\.)\s+|^>\s?|^!!!.*$|^\?\?\?.*$", re.M)
_MARKS = re.compile(r"[*`]+|(?<![a-zA-Z0-9])_+|_+(?![a-zA-Z0-9])")
_TAG = re.compile(r"<!--.*?-->|<[^>]+>", re.S)
_SPACES = re.compile(r"\s+")


def plain(markdown: str) -> str:
    """Readable text of a Markdown fragment: link texts kept, marks, tables and tags dropped."""
    text = _TAG.sub(" ", markdown)
    lines = [ln for ln in text.splitlines()
             if not ln.lstrip().startswith("|") and not re.match(r"\s*\*\[[^\]]+\]:", ln)]
    text = _ATTR.sub("", _LINK.sub(r"\1", "\n".join(lines)))
    text = _MARKS.sub("", _BLOCKS.sub(" ", text)).replace("\\", "")
    # Character references back to characters: generated pages write data text as HTML
    # (markup.py); the index holds plain text, which the worker escapes again.
    return _SPACES.sub(" ", html.unescape(text)).strip()


def _doc(kind: str, url: str, title: str, context: str, body: list[str], fields: list[tuple[float, str]],
         boost: float = 1.0) -> SearchDocument:
    text = " ".join(b for b in (plain(x) for x in body if x) if b)
    all_fields = [(TITRE, title), *((w, s) for w, s in fields if s), (CORPS, text)]
    return SearchDocument(url, kind, title, context, text, all_fields, boost=boost)


def record_documents(cat: Catalogue) -> list[SearchDocument]:
    docs = []
    zone = {z.id: z.titre for z in cat.zones.values()}
    themes = {t.id: t.titre for t in [*cat.thematiques.values(), *cat.sous_thematiques.values()]}
    pays = {p.id: p.nom for p in cat.pays.values()}
    for p in cat.programmes.values():
        porteurs = [cat.organisations[o] for o in p.porteurs]
        places = [p.destination, *(pays[i] for i in p.pays), *(v.nom for v in p.villes), *(zone[z] for z in p.zones)]
        docs.append(_doc("programme", _page("programme", p.id), p.titre,
                         " · ".join([GENRES_PROGRAMME[p.genre], p.destination, p.thematique_libelle]),
                         [p.description, p.beneficiaires or "", p.taux or "", p.calendrier or "", p.budget or ""],
                         [(NOMS, " ".join([*(o.nom for o in porteurs), *(o.sigle or "" for o in porteurs),
                                           p.porteur_libelle or "", p.gestionnaire or ""])),
                          (LIEUX, " ".join(places)),
                          (THEMES, " ".join([p.thematique_libelle, *(themes[t] for t in p.thematiques),
                                             *(f"ODD {n}" for n in p.odd), p.odd_note or ""]))]))
    for c in cat.contacts.values():
        org = cat.organisations[c.organisation]
        docs.append(_doc("contact", _page("contact", c.id), contact_label(c, cat),
                         " · ".join(x for x in [org.nom, c.fonction or ""] if x),
                         [" ".join(x for x in [c.fonction or "", org.nom, c.email] if x)],
                         [(NOMS, " ".join([c.nom or "", c.fonction or "", org.nom, org.sigle or "", c.email])),
                          (LIEUX, " ".join([*(pays[i] for i in c.pays), *(zone[z] for z in c.zones),
                                            *(cat.regions[r].nom for r in c.regions)])),
                          (THEMES, " ".join(themes[t] for t in c.thematiques))]))
    for o in cat.organisations.values():
        docs.append(_doc("organisation", _page("organisation", o.id), o.nom,
                         " · ".join(x for x in [GENRES_ORGANISATION[o.genre], o.sigle or ""] if x),
                         [o.description or ""],
                         [(NOMS, " ".join([o.sigle or "", *(a.nom for a in o.autres_noms)])),
                          (LIEUX, " ".join([pays.get(o.pays or "", ""), cat.regions[o.region].nom if o.region else ""]))]))
        docs[-1].alias = o.sigle or ""
    for p in cat.pays.values():
        docs.append(_doc("pays", _page("pays", p.id), p.nom, zone.get(p.zone or "", ""),
                         [p.contexte or "", *(f"{x.collectivite_francaise} – {x.partenaire}. {x.description or ''}"
                                              for x in p.partenariats)],
                         [(LIEUX, zone.get(p.zone or "", ""))]))
    for z in cat.zones.values():
        docs.append(_doc("zone", _page("zone", z.id), z.titre, f"Géographie {z.numero}",
                         [z.resume, *(f"{s.titre}. {s.texte}" for s in z.sections)],
                         [(LIEUX, " ".join(p.nom for p in cat.pays_par_zone.get(z.id, [])))]))
    for t in [*cat.thematiques.values(), *cat.sous_thematiques.values()]:
        parent = getattr(t, "thematique", None)
        docs.append(_doc("theme", _page("theme", t.id), t.titre,
                         f"Thématique {t.numero}" + (f" · {themes[parent]}" if parent else ""),
                         [t.resume], [(THEMES, " ".join(f"ODD {n}" for n in t.odd))]))
    for r in cat.regions.values():
        docs.append(_doc("region", _page("region", r.id), r.nom, "Région française", [], []))
    return docs


_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.M)
_HEADING_ID = re.compile(r"\{\s*#([\w-]+)[^}]*\}\s*$")


def page_sections(path: str, markdown: str, context: str = "") -> list[SearchDocument]:
    """One document per section of a page; the part before the first `##` goes to the page itself.

    Material's front matter `search:` is honoured: `exclude: true` keeps the
    page out of the index, `boost: 2` multiplies the scores of the page and of
    its sections (pagepolicy.py checks both values).
    """
    front = _FRONT.match(markdown)
    meta = (yaml.safe_load(front.group(1)) or {}) if front else {}
    search = meta.get("search") if isinstance(meta.get("search"), dict) else {}  # checked by pagepolicy at load
    if search.get("exclude"):
        return []
    boost = float(search.get("boost", 1))
    body = markdown[front.end():] if front else markdown
    url = _html(path)
    page_title = html.unescape(str(meta.get("title") or ""))  # front matter titles are HTML text (markup.text_html)
    docs: list[SearchDocument] = []
    used: set[str] = set()
    starts = list(_HEADING.finditer(body))
    chunks = [(None, body[: starts[0].start()] if starts else body)]
    chunks += [(m, body[m.end(): starts[i + 1].start() if i + 1 < len(starts) else len(body)]) for i, m in enumerate(starts)]
    for heading, text in chunks:
        if heading is None or len(heading.group(1)) == 1:
            if heading is not None:
                page_title = page_title or plain(_HEADING_ID.sub("", heading.group(2)))
            if docs and docs[0].url == url:  # a second part of the page's head
                docs[0] = _doc("page", url, docs[0].title or page_title, context, [docs[0].text, text], [], boost)
            else:
                docs.insert(0, _doc("page", url, page_title, context, [text], [], boost))
            continue
        raw = heading.group(2)
        explicit = _HEADING_ID.search(raw)
        title = plain(_HEADING_ID.sub("", raw))
        anchor = explicit.group(1) if explicit else unique(slugify(title, "-"), used)
        used.add(anchor)
        docs.append(_doc("page", f"{url}#{anchor}", title, page_title, [text], [], boost))
    return [d for d in docs if d.title]


def page_documents(content_dir: Path, generated: Iterable[GeneratedPage],
                   expand: Callable[[str, str], str] = lambda text, path: text) -> list[SearchDocument]:
    """Hand-written pages (directives expanded by `expand`) and generated pages that are not records.

    Listings placed by directives are tables (dropped by `plain`) or lists
    (kept: the examples of Part I exist only there).
    """
    docs = []
    for source in sorted(content_dir.rglob("*.md")):
        rel = source.relative_to(content_dir).as_posix()
        docs += page_sections(rel, expand(source.read_text(encoding="utf-8"), rel))
    record_folders = {f"{FOLDERS[k]}/" for k in ("theme", "zone", "pays", "programme", "contact", "organisation", "region")}
    for page in generated:
        if not any(page.path.startswith(f) for f in record_folders):
            docs += page_sections(page.path, page.markdown)
    return docs
