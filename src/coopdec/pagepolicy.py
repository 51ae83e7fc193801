"""What a hand-written page of `content/` may contain, checked at page:line before the build.

The policy: hand-written pages are Markdown with the HTML they use today
(`<div class>` cards with `markdown`, `<a href>` buttons and table links,
`<p>`, `<figure>`, an `<iframe>` on a local map). They never carry code:

- no `<script>` (generated pieces that need a script, like the explorer,
  come from a directive), nor `<object>`, `<embed>`, `<base>`, `<form>`,
  `<meta>`, `<link>`, `<style>`, frames;
- no `on…=` attribute, no `srcdoc`, in raw HTML or in `{: … }` attribute lists;
- links and sources are http(s), mailto, tel or relative — never
  `javascript:`, `data:`, `vbscript:` or another scheme, even written with
  character references (`java&#x73;cript:`), since browsers decode them;
- front matter is a valid YAML mapping of known keys, and its title and
  description contain no `<`, `>` or `"` (MkDocs copies them into the HTML as is).

This is the page:line report for editors. The whole-site scan
(`sitescan.py`) checks the built output of every page, data included,
whatever path it took.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from .markup import ALLOWED_SCHEMES, is_site_local, url_scheme
from .problems import Problem
from .yamlpos import load_yaml

FORBIDDEN_ELEMENTS = frozenset({"script", "object", "embed", "applet", "base", "form", "meta", "link", "style",
                                "frame", "frameset", "noscript", "template"})
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "data", "cite", "background",
                            "xlink:href", "srcset", "ping"})
FRONT_MATTER_KEYS = frozenset({"title", "description", "hide", "search", "template", "icon", "status", "tags",
                               "revision_date", "subtitle"})

_FENCE = re.compile(r"^\s*(```|~~~)")
_MD_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)|^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
_ATTR_LIST = re.compile(r"\{[^{}\n]*\}")
_ATTR_IN_LIST = re.compile(r"(?:^|[\s{:])([A-Za-z_:][-\w:.]*)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s}]+)")


def url_problem(value: str) -> str | None:
    """Why a URL written in a page is refused, or None. Decodes character references as browsers do."""
    scheme = url_scheme(html.unescape(value))
    if scheme and scheme not in ALLOWED_SCHEMES:
        return (f"lien ou source « {value[:60]} » refusé : schéma « {scheme}: » interdit "
                "(seuls http, https, mailto, tel et les liens relatifs sont permis)")
    return None


def _attribute_problem(element: str, name: str, value: str) -> str | None:
    name = name.lower()
    if name.startswith("on"):
        return f"attribut « {name} » interdit (du code qui s'exécuterait dans le navigateur du lecteur)"
    if name == "srcdoc":
        return "attribut « srcdoc » interdit (il embarque une page entière)"
    if name in URL_ATTRIBUTES:
        problem = url_problem(value)
        if problem:
            return problem
        if element == "iframe" and name == "src" and not is_site_local(html.unescape(value)):
            return f"cadre « {value[:60]} » refusé : une page ne peut intégrer que des cartes du site (adresse relative)"
    if name == "style" and re.search(r"javascript:|expression\s*\(|url\s*\(", html.unescape(value), re.I):
        return "style refusé : pas d'url(…), d'expression(…) ni de javascript: dans un attribut style"
    return None


class _RawHtml(HTMLParser):
    def __init__(self, display: str, offset: int):
        super().__init__(convert_charrefs=True)
        self.display, self.offset = display, offset
        self.problems: list[Problem] = []

    def _at(self, code: str, message: str) -> None:
        line, col = self.getpos()
        self.problems.append(Problem(self.display, line + self.offset, col + 1, code, message))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in FORBIDDEN_ELEMENTS:
            self._at("page_html", f"élément <{tag}> interdit dans une page écrite à la main"
                     + (" : utilisez une directive du catalogue (ex. <!-- catalogue:explorateur … -->)" if tag == "script" else ""))
        for name, value in attrs:
            problem = _attribute_problem(tag, name, value or "")
            if problem:
                self._at("page_html", problem)

    handle_startendtag = handle_starttag


def _search_problem(value: object) -> str | None:
    """Material's `search:` options, as the site's own index honours them (search/documents.py), or why not."""
    if not isinstance(value, dict) or not value or set(value) - {"boost", "exclude"}:
        return ("« search » accepte « boost » (un nombre qui multiplie le score de la page, ex. « boost: 2 ») "
                "et « exclude: true » (page hors de la recherche)")
    boost = value.get("boost", 1)
    if isinstance(boost, bool) or not isinstance(boost, (int, float)) or not 0 < boost <= 10:
        return f"« search: boost » doit être un nombre plus grand que 0 et au plus 10 (ex. « boost: 2 »), pas « {boost} »"
    if not isinstance(value.get("exclude", False), bool):
        return "« search: exclude » vaut « true » ou « false »"
    return None


def _front_matter(lines: list[str], display: str) -> tuple[int, list[Problem]]:
    """Checks the front matter; returns the number of its lines (0 if none)."""
    if not lines or lines[0].rstrip() != "---":
        return 0, []
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        return 0, [Problem(display, 1, 1, "front_matter", "en-tête (front matter) ouvert par « --- » mais jamais fermé : "
                           "ajoutez une ligne « --- » après le titre et la description")]
    doc, problems = load_yaml("\n".join(lines[1:end]), display)
    problems = [Problem(p.path, p.line + 1 if p.line else 1, p.col, p.code, f"en-tête de page : {p.message}") for p in problems]
    if doc is not None and doc.data is not None:
        if not isinstance(doc.data, dict):
            problems.append(Problem(display, 2, 1, "front_matter", "en-tête de page : il doit contenir des champs « clé: valeur » "
                                    "(ex. « title: … »)"))
        else:
            for key, value in doc.data.items():
                line, col = doc.positions.keys.get((key,), (1, 1))
                if key not in FRONT_MATTER_KEYS:
                    problems.append(Problem(display, line + 1, col, "front_matter", f"en-tête de page : clé « {key} » inconnue ; "
                                            f"clés possibles : {', '.join(sorted(FRONT_MATTER_KEYS))}"))
                elif key == "search" and _search_problem(value):
                    problems.append(Problem(display, line + 1, col, "front_matter", f"en-tête de page : {_search_problem(value)}"))
                elif key in ("title", "description"):
                    if not isinstance(value, str):
                        problems.append(Problem(display, line + 1, col, "front_matter", f"en-tête de page : « {key} » doit être un texte"))
                    elif re.search(r'[<>"]', value):
                        problems.append(Problem(display, line + 1, col, "front_matter",
                                                f"en-tête de page : « {key} » ne peut pas contenir < > ni \" "
                                                "(MkDocs les recopie tels quels dans le HTML) : écrivez « et », « » »"))
    return end + 1, problems


def check_page(text: str, display: str) -> list[Problem]:
    """Every breach of the policy in one hand-written page, each at its line."""
    lines = text.splitlines()
    skip, problems = _front_matter(lines, display)
    body: list[str] = []
    fence = None
    for number, line in enumerate(lines, start=1):
        opened = _FENCE.match(line)
        if number <= skip or fence or opened:
            if opened:
                fence = None if fence == opened.group(1) else (fence or opened.group(1))
            body.append("")  # keep line numbers, drop code and front matter
            continue
        body.append(line)
        for found in _MD_TARGET.finditer(line):
            target = found.group(1) or found.group(2) or ""
            problem = url_problem(target)
            if problem:
                problems.append(Problem(display, number, found.start() + 1, "page_lien", problem))
        for found in _ATTR_LIST.finditer(line):
            for name, value in _ATTR_IN_LIST.findall(found.group(0)):
                problem = _attribute_problem("", name, value.strip("\"'"))
                if problem:
                    problems.append(Problem(display, number, found.start() + 1, "page_attributs", problem))
    parser = _RawHtml(display, 0)
    parser.feed("\n".join(body))
    parser.close()
    return problems + parser.problems
