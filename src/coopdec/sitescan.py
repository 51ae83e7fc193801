"""The whole built site, read with a real HTML parser: no injected code anywhere in it.

This is the net behind the boundary of markup.py. The parser is Lexbor
(selectolax), a browser-grade HTML5 parser: it reads the page as Chromium
would, which is what matters here, and is fast enough for the Atlas. Whatever path a value
took (template, theme, plugin, map, redirect), the output is what a reader's
browser gets, so every `.html` file of `site/` is parsed and checked:

- no event-handler attribute (`on…`), no `srcdoc`;
- every URL attribute is http(s), mailto, tel or relative: never
  `javascript:`, `vbscript:`, `data:`… (decoded as browsers decode it);
- no `<object>`, `<embed>`, `<applet>`, `<base>`, `<form>`, frames; an
  `<iframe>` or a refresh only to a page of the site;
- every `<script>` is expected: with `src`, a file of the site; a JSON data
  block, valid JSON (a `</script>` injected into it would cut it short);
  inline code, one of the shapes our templates write — Material's page
  scripts (learned from the site's own 404 page, which carries no data) and
  the map script (learned from a map rendered from an empty spec) —
  compared with every string and number blanked, so only code written by
  us, never code carried by data, can match.

It runs on every `make site` (before anything is published) and in the tests.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from .markup import ALLOWED_SCHEMES, is_site_local, url_scheme

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "data", "cite", "background", "xlink:href",
                            "ping", "manifest", "codebase", "longdesc", "usemap", "icon", "srcset", "imagesrcset"})
FORBIDDEN_ELEMENTS = frozenset({"object", "embed", "applet", "base", "frameset", "portal", "template"})
_SPECIAL = FORBIDDEN_ELEMENTS | {"iframe", "frame", "form", "meta", "script"}  # checked beyond their attributes
JSON_TYPES = frozenset({"application/json", "application/ld+json", "importmap"})
_LITERALS = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|-?\b\d+(?:\.\d+)?(?:[eE][-+]?\d+)?\b')
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    message: str

    def format(self) -> str:
        return f"site/{self.path}: erreur: {self.message}"


def shape(code: str) -> str:
    """Code with every string and number blanked and white space folded: what a template wrote."""
    return _SPACE.sub(" ", _LITERALS.sub("0", code)).strip()


def _resolve(site: Path, page: Path, src: str) -> Path | None:
    """The file a local URL points to: relative to the page, or from the site root (404 pages use the site's path)."""
    path = urlsplit(src).path
    if not path.startswith("/"):
        return (page.parent / path).resolve()
    parts = path.lstrip("/").split("/")
    for skip in range(len(parts)):  # "/guide/assets/x.js" is "assets/x.js" of a site served under /guide/
        candidate = site.joinpath(*parts[skip:]).resolve()
        if candidate.is_file():
            return candidate
    return None


def _script_in_site(site: Path, page: Path, src: str) -> bool:
    """A local script URL, seen from `page`, names a file inside the site."""
    target = _resolve(site, page, src)
    return target is not None and target.is_file() and target.is_relative_to(site.resolve())


def check_page(site: Path, path: Path, text: str, shapes: frozenset[str] | None, inline: list[str] | None = None,
               scripts: dict[tuple[Path, str], bool] | None = None) -> list[Finding]:
    """Findings of one page. With `shapes=None`, only collects its inline code into `inline`.
    `scripts` keeps, for one scan, whether each (folder, script URL) names a file of the site:
    every page of a folder loads the same few scripts."""
    scripts = {} if scripts is None else scripts
    where = path.relative_to(site).as_posix()
    findings: list[Finding] = []

    def flag(message: str) -> None:
        findings.append(Finding(where, message))

    for node in LexborHTMLParser(text).root.traverse(include_text=False):
        tag = node.tag
        if tag is None or tag.startswith("-"):
            continue
        attributes = node.attributes
        for name, value in attributes.items():  # on every element: the hot loop, kept to plain string tests
            if name.startswith("on"):
                flag(f"attribut « {name} » sur <{tag}> : du code qui s'exécuterait chez le lecteur")
            elif name == "srcdoc":
                flag(f"attribut srcdoc sur <{tag}>")
            elif value and ":" in value and name in URL_ATTRIBUTES:  # no « : », no scheme
                for url in (value.split(",") if name.endswith("srcset") else [value]):
                    scheme = url_scheme(url.strip())
                    if scheme and scheme not in ALLOWED_SCHEMES:
                        flag(f"adresse « {url.strip()[:60]} » ({name} de <{tag}>) : schéma « {scheme}: » interdit")
        if tag not in _SPECIAL:
            continue
        values = {n: v or "" for n, v in attributes.items()}
        if tag in FORBIDDEN_ELEMENTS:
            flag(f"élément <{tag}> inattendu")
        if tag in ("iframe", "frame") and not is_site_local(values.get("src", "")):
            flag(f"cadre vers « {values.get('src', '')[:60]} » : seules les pages du site peuvent être intégrées")
        if tag == "form" and "action" in values and not is_site_local(values["action"]):
            flag(f"formulaire envoyé vers « {values['action'][:60]} » : hors du site")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            target = values.get("content", "").partition("url=")[2]
            if not is_site_local(target):
                flag(f"redirection vers « {target[:60]} » : seules les pages du site sont permises")
        if tag != "script":
            continue
        code = node.text(deep=True)
        kind = values.get("type", "").lower() or None
        if "src" in values:
            src = values["src"]
            if not is_site_local(src):
                flag(f"script externe « {src[:80]} » : les scripts viennent du site lui-même")
            else:
                key = (path.parent, src)
                if key not in scripts:
                    scripts[key] = _script_in_site(site, path, src)
                if not scripts[key]:
                    flag(f"script « {src[:80]} » introuvable dans le site")
            if code.strip():
                flag("script avec src et du code en ligne")
        elif kind in JSON_TYPES:
            try:
                json.loads(code)
            except ValueError:
                flag("bloc de données JSON invalide (a-t-il été coupé par un « </script> » ?)")
        elif kind in (None, "text/javascript", "module"):
            if inline is not None:
                inline.append(code)
            if shapes is not None and shape(code) not in shapes:
                flag(f"script en ligne inattendu : « {_SPACE.sub(' ', code).strip()[:80]} »")
        else:
            flag(f"script de type « {kind} » inattendu")
    return findings


def _inline_scripts(text: str) -> list[str]:
    inline: list[str] = []
    check_page(Path("/"), Path("/page.html"), text, None, inline)
    return inline


def expected_shapes(site: Path) -> frozenset[str]:
    """Inline code our templates write, learned from outputs that carry no data."""
    from .geo import MapSpec
    from .maps import render_map

    references = [MapSpec("reference", "reference"), MapSpec("reference", "reference", bounds=[[0.0, 0.0], [1.0, 1.0]])]
    shapes = {shape(code) for spec in references for code in _inline_scripts(render_map(spec))}
    not_found = site / "404.html"
    if not_found.exists():
        shapes |= {shape(code) for code in _inline_scripts(not_found.read_text(encoding="utf-8"))}
    return frozenset(shapes)


def scan_site(site: Path) -> list[Finding]:
    """Every finding in every HTML file of `site`, sorted."""
    shapes = expected_shapes(site)
    findings: list[Finding] = []
    scripts: dict[tuple[Path, str], bool] = {}
    for path in sorted(site.rglob("*.html")):
        findings += check_page(site, path, path.read_text(encoding="utf-8", errors="replace"), shapes, scripts=scripts)
    return sorted(findings)


def report(findings: list[Finding]) -> str:
    lines = [f.format() for f in findings[:200]]
    if len(findings) > 200:
        lines.append(f"… et {len(findings) - 200} autres")
    lines.append(f"{len(findings)} code(s) inattendu(s) dans le site construit : rien n'a été publié. "
                 "Une donnée a contourné la frontière de markup.py : signalez-le aux développeurs.")
    return "\n".join(lines)
