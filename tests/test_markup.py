"""The text → HTML boundary (markup.py), checked through the site's own Markdown pipeline.

Each output is rendered again by Python-Markdown with the extensions of mkdocs.yml
(attr_list and md_in_html on, as in the real build), then parsed: no handler, no
script URL, no element outside the allowlist may come out, whatever the input.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser

import markdown
import pytest

from coopdec.markup import (
    ALLOWED_TAGS,
    MarkupRefused,
    check_markdown,
    json_script,
    markdown_html,
    markdown_inline,
    text_html,
    text_md,
)

SITE_EXTENSIONS = ["abbr", "admonition", "attr_list", "md_in_html", "tables", "toc"]

PAYLOADS = [
    '<img src=x onerror=alert(1)>',
    '</script><script>alert(1)</script>',
    'Titre {: onclick="alert(1)" }',
    'Titre {onclick=alert(1)',  # a stray brace that would capture a template's own { #id }
    '[x](javascript:alert(1))',
    '[x](java&#x73;cript:alert(1))',
    '![x](y.png){onerror=alert(1)}',
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)",
    '*[X]: <b onclick=alert(1)>',
    '`code` **gras** _it_ | cellule | # titre',
    '&lt;svg onload=alert(1)&gt;',
    'ligne\n\n!!! danger "x"\n    <script>alert(1)</script>',
]


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "img", "iframe", "svg", "object"):
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on") or (value or "").replace(" ", "").lower().startswith(("javascript:", "data:")):
                self.bad.append(f"{tag}[{name}={value}]")


def site_render(text: str) -> str:
    return markdown.markdown(text, extensions=SITE_EXTENSIONS)


def audit(rendered: str) -> list[str]:
    parser = _Audit()
    parser.feed(rendered)
    return parser.bad


@pytest.mark.parametrize("payload", PAYLOADS)
def test_plain_text_stays_text_in_every_markdown_place(payload):
    value = text_md(payload)
    for page in [f"# {value} {{ #ancre }}", f"| a | b |\n| --- | --- |\n| {value} | x |", f"- {value}",
                 f"Un paragraphe {value}", f"[{value}](pays/mali.md)"]:
        rendered = site_render(page)
        assert audit(rendered) == [], (page, rendered)
    # and the reader sees the value itself, on one line
    shown = html.unescape(site_render(f"Texte : {value}")).replace("<p>", "").replace("</p>", "")
    assert shown == "Texte : " + " ".join(payload.split())


@pytest.mark.parametrize("payload", PAYLOADS)
def test_plain_text_in_html_contexts(payload):
    value = text_html(payload)
    assert "<" not in value and '"' not in value and "'" not in value
    assert audit(f'<p title="{value}">{value}</p>') == []
    # inside a raw block of a Markdown page too (front matter titles end up in such places)
    assert audit(site_render(f'<div markdown="1">\n{value}\n</div>')) == []


def test_json_in_a_script_cannot_close_it():
    text = json_script({"nom": "</script><script>alert(1)</script>", "u": "\u2028"})
    assert "</" not in text and "<" not in text and "\u2028" not in text


@pytest.mark.parametrize("value", [
    "Un **texte** avec un [lien](https://www.pseau.org/a_b) et *de l'emphase*.",
    "Deux paragraphes.\n\nEt une liste :\n\n- un\n- deux",
    "Écrire à [l'équipe](mailto:contact@example.org) ou appeler le [01 02](tel:+33102).",
    "Des signes : a_b, c*d, {accolades}, [crochets], | barre, `code`.",
])
def test_allowed_markdown_renders_and_stays_inert(value):
    check_markdown(value)
    for rendered in (markdown_html(value), markdown_inline(value)):
        for page in [rendered, f"- Un élément {rendered}", f"| a |\n| --- |\n| {rendered} |"]:
            out = site_render(page)
            assert audit(out) == [], out
            # no attribute list, no table cell, no emphasis was created from the value's text
            assert 'class="' not in out.replace('class="cd-texte"', "")


def test_the_profile_keeps_links_and_emphasis():
    out = markdown_html("Un **texte** avec [un lien](https://www.pseau.org).")
    assert '<strong>texte</strong>' in out and '<a href="https://www.pseau.org">un lien</a>' in out
    tags = {t.split()[0].strip("</>") for t in out.replace(">", ">\n").split("\n") if t.startswith("<")}
    assert tags <= ALLOWED_TAGS | {"div"}


@pytest.mark.parametrize("value, code", [
    ("a <b>gras</b>", "html_interdit"),
    ("a <script>alert(1)</script>", "html_interdit"),
    ("fin.{: onclick=\"alert(1)\" }", "attributs_interdits"),
    ("![x](https://a.fr/x.png)", "image_interdite"),
    ("[x](javascript:alert(1))", "lien_interdit"),
    ("[x](java&#x73;cript:alert(1))", "lien_interdit"),
    ("[x](javascript&colon;alert(1))", "lien_interdit"),
    ("[x]( JaVaScRiPt:alert(1))", "lien_interdit"),
    ("[x](data:text/html,<b>)", "html_interdit"),
    ("[x](vbscript:msgbox)", "lien_interdit"),
    ("[x](../pays/mali.md)", "lien_interdit"),
    ("[x][r]\n\n[r]: javascript:alert(1)", "lien_interdit"),
])
def test_what_needs_more_than_the_profile_is_refused(value, code):
    with pytest.raises(MarkupRefused) as refused:
        check_markdown(value)
    assert refused.value.code == code
    assert " : " in refused.value.message  # says what to do, in French
