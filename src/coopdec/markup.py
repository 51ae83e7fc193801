"""The one place where text written by editors becomes HTML.

Why a boundary and not a list of bad patterns: a denylist of « <script> »
and « javascript: » misses `{: onclick }`, `java&#x73;cript:` and a
`</script>` inside a city name. Here every data value is *text* until one
of the functions below says otherwise, and those functions can only
produce the elements, attributes and URL schemes of `ALLOWED_*`:

- `text_md` — a plain-text field placed in a Markdown template (headings,
  tables, lists). Every character Markdown or its extensions could read as
  syntax (links, attributes `{…}`, emphasis, code, cells, HTML) is escaped,
  and line breaks become spaces, so the value stays one run of text.
- `text_html` — a plain-text field placed in HTML (front matter, which
  MkDocs prints unescaped into `<title>`, `<meta>`, the header and the
  navigation; attributes; redirect pages; map titles).
- `json_script` — data placed inside a `<script>` element (`</` cannot
  close it).
- `markdown_html` / `markdown_inline` — a Markdown field, rendered with a
  profile made for data (no `attr_list`, no `md_in_html`, no raw HTML),
  then passed through the `nh3` allowlist sanitizer (Rust's ammonia), then
  made inert for the Markdown page that carries it: text nodes are written
  with character references for every Markdown sign, so the site's own
  Markdown pass (which has `attr_list` on) cannot find syntax in it.
- `check_markdown` — the validation side of the same profile: a value that
  would need more than the profile (raw HTML, `{…}` attributes, images,
  relative links, another URL scheme) is refused, in French, before
  anything is rendered. Rendering never silently drops what an editor wrote.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

import markdown
import nh3
from markdown.extensions.abbr import AbbrExtension

ALLOWED_TAGS = frozenset({"p", "br", "em", "strong", "a", "ul", "ol", "li", "code", "blockquote", "abbr"})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
ALLOWED_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

# Markdown's inline signs (code, emphasis, links, attr_list braces, table cells) and HTML's
# own, written as character references in text nodes, so no Markdown pass can read them as
# syntax. Block signs (#, -, 1.) need nothing: rendered text never starts a Markdown line.
_INERT_TEXT = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]|<>&"})
_INERT_ATTR = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]|<>&\"'"})
# In Markdown context, a backslash escape is enough for the inline signs (code, emphasis,
# links and images, attr_list braces, table cells, heading marks). Block signs (`-`, `+`,
# `1.`) only act at the start of a line, and a value never starts one: line breaks are folded.
_MD_ESCAPE = re.compile(r"([\\`*_{}\[\]#|])")
_SPACES = re.compile(r"\s+")

_HTML_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>")
_ATTRIBUTES = re.compile(r"\{[^{}\n]*(?:[:#.=]|\bon[a-z]+)[^{}\n]*\}")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# What browsers ignore in a URL before reading its scheme (WHATWG URL: C0 controls, space, tab, newline).
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


class MarkupRefused(ValueError):
    """A Markdown value needs more than the data profile allows. `code` and French `message`."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


# --- plain text -------------------------------------------------------------

def text_md(value: str) -> str:
    """Plain text for a Markdown template: inert, on one line."""
    value = _SPACES.sub(" ", value).strip()
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_ESCAPE.sub(r"\\\1", value)


_MD_SIGNS_AS_REFS = str.maketrans({c: f"&#{ord(c)};" for c in "\\`*_{}[]|"})


def text_html(value: str) -> str:
    """Plain text for HTML text or a quoted attribute, on one line.

    Markdown's inline signs are character references too, so the value stays text
    even where the HTML it sits in passes through Markdown again (a raw block in a page).
    """
    return html.escape(_SPACES.sub(" ", value).strip(), quote=True).translate(_MD_SIGNS_AS_REFS)


def json_script(value: object, **options: object) -> str:
    """JSON safe inside <script>: `<`, `>` and `&` as \\u escapes, so `</script>` cannot close it."""
    text = json.dumps(value, ensure_ascii=False, **options)  # type: ignore[arg-type]
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026") \
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


# --- Markdown fields ----------------------------------------------------------

Glossary = tuple[tuple[str, str], ...]  # (sigle, definition), sorted: hashable, one converter per glossary
_converters: dict[Glossary, markdown.Markdown] = {}
_rendered: dict[tuple[str, Glossary], str] = {}


def _render_profile(value: str, glossary: Glossary = ()) -> str:
    """Data profile: core Markdown, plus the sigles' tooltips (abbr with a glossary: no definitions in the text).

    Cached: validation and rendering share the work.
    """
    key = (value, glossary)
    found = _rendered.get(key)
    if found is None:
        converter = _converters.get(glossary)
        if converter is None:
            extensions = [AbbrExtension(glossary=dict(glossary))] if glossary else []
            converter = _converters[glossary] = markdown.Markdown(extensions=extensions, output_format="html")
        converter.reset()
        found = _rendered[key] = converter.convert(value)
    return found


def check_markdown(value: str) -> None:
    """Refuse what the data profile cannot render faithfully. Raises MarkupRefused (French)."""
    tag = _HTML_TAG.search(value)
    if tag:
        raise MarkupRefused("html_interdit", f"HTML brut interdit dans un texte (« {tag.group(0)[:40]} ») : "
                            "utilisez la syntaxe Markdown (**gras**, *italique*, [texte](https://…))")
    attrs = _ATTRIBUTES.search(value)
    if attrs:
        raise MarkupRefused("attributs_interdits", f"attributs « {attrs.group(0)[:40]} » interdits dans les données : "
                            "retirez les accolades ; la mise en forme se fait dans les gabarits du site")
    audit = _Audit()
    audit.feed(_render_profile(value))
    audit.close()
    if audit.refused:
        raise audit.refused


class _Audit(HTMLParser):
    """Walks the profile's output: every element, attribute and link must be on the allowlist."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refused: MarkupRefused | None = None

    def _refuse(self, code: str, message: str) -> None:
        self.refused = self.refused or MarkupRefused(code, message)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            self._refuse("image_interdite", "image interdite dans un texte de données : mettez un lien [texte](https://…)")
            return
        if tag not in ALLOWED_TAGS:
            self._refuse("html_interdit", f"élément « {tag} » non permis dans un texte de données")
            return
        for name, val in attrs:
            if name not in ALLOWED_ATTRIBUTES.get(tag, ()):
                self._refuse("attributs_interdits", f"attribut « {name} » non permis dans un texte de données")
            elif name == "href":
                problem = link_problem(val or "")
                if problem:
                    self._refuse("lien_interdit", problem)

    handle_startendtag = handle_starttag


def url_as_read(url: str) -> str:
    """`url` (already entity-decoded) as a browser reads it: controls and spaces dropped, `\\` as `/`."""
    return _URL_NOISE.sub("", url).replace("\\", "/")


def url_scheme(url: str) -> str | None:
    """The scheme a browser reads in `url`, lower-case; None for a relative URL."""
    found = _SCHEME.match(url_as_read(url))
    return found.group(1).lower() if found else None


def is_site_local(url: str) -> bool:
    """A URL that stays on the site: no scheme and not protocol-relative (`//host`, `/\\host`)."""
    return url_scheme(url) is None and not url_as_read(url).startswith("//")


def link_problem(target: str) -> str | None:
    """French reason why a link target is refused in data, or None. `target` is already entity-decoded."""
    scheme = url_scheme(target)
    if scheme is None:
        return (f"lien « {target[:60]} » refusé : dans les données, un lien s'écrit avec son adresse complète "
                "(https://…, mailto:…, tel:…)")
    if scheme not in ALLOWED_SCHEMES:
        return f"lien « {target[:60]} » refusé : seuls les liens http(s), mailto et tel sont permis"
    return None


def _sanitize(rendered: str) -> str:
    return nh3.clean(rendered, tags=set(ALLOWED_TAGS), attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
                     url_schemes=set(ALLOWED_SCHEMES), link_rel=None, strip_comments=True)


class _Inert(HTMLParser):
    """Re-writes sanitized HTML on one line, every text sign Markdown could read encoded.

    `inline` drops the paragraph elements (a value placed inside a line joins its paragraphs).
    """

    def __init__(self, inline: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.inline = inline
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.inline and tag == "p":
            return
        rendered = "".join(f' {n}="{(v or "").translate(_INERT_ATTR)}"' for n, v in attrs)
        self.out.append(f"<{tag}{rendered}>")

    def handle_endtag(self, tag: str) -> None:
        self.out.append(" " if self.inline and tag == "p" else f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data.translate(_INERT_TEXT).replace("\n", " "))


def _inert(value: str, inline: bool, glossary: Glossary) -> str:
    parser = _Inert(inline)
    parser.feed(_sanitize(_render_profile(value.strip(), glossary)))
    parser.close()
    return _SPACES.sub(" ", "".join(parser.out)).strip()


def markdown_html(value: str, glossary: Glossary = ()) -> str:
    """A Markdown field as one raw HTML block on its own lines: inert in any Markdown page.

    The site's own abbreviation pass does not enter raw blocks, so the sigles of
    `glossary` get their tooltips here.
    """
    return f'\n<div class="cd-texte">{_inert(value, False, glossary)}</div>\n'


def markdown_inline(value: str, glossary: Glossary = ()) -> str:
    """A Markdown field inside a line (list item, table cell): paragraphs joined, no block wrapper."""
    return _inert(value, True, glossary)
