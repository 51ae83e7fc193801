"""The whole-site scan flags injected code in any form a browser would run, and nothing we write ourselves."""

from __future__ import annotations

import pytest

from coopdec.sitescan import scan_site, shape

TEMPLATE = '<!doctype html><html lang="fr"><head><script>var __md_scope = new URL("..", location);</script></head><body>{}</body></html>'

INJECTIONS = {
    "handler": '<img src="x.png" onerror="alert(1)">',
    "handler-svg": '<svg><rect onload="alert(1)"></rect></svg>',
    "encoded-scheme": '<a href="java&#x73;cript:alert(1)">x</a>',
    # The scan skips URLs without « : » (no scheme possible): a colon written as an entity still has one.
    "entity-colon": '<a href="javascript&colon;alert(1)">x</a>',
    "numeric-colon": '<a href="javascript&#58;alert(1)">x</a>',
    "srcset-scheme": '<img srcset="a.png 1x, javascript:alert(1) 2x">',
    "spaced-scheme": '<a href=" javascript:alert(1)">x</a>',
    "data-scheme": '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    "svg-href": '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    "inline-script": "<script>alert(1)</script>",
    "closed-json": '<script type="application/json">{"a": "</script><script>alert(1)</script>"}',
    "external-script": '<script src="https://cdn.example.org/x.js"></script>',
    "missing-script": '<script src="assets/absent.js"></script>',
    "iframe": '<iframe src="https://example.org/"></iframe>',
    "iframe-protocol-relative": '<iframe src="/&#9;/example.org/"></iframe>',
    "script-backslash": '<script src="/\\example.org/x.js"></script>',
    "srcdoc": '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
    "refresh": '<meta http-equiv="refresh" content="0; url=javascript:alert(1)">',
    "form": '<form action="https://example.org/steal"><input></form>',
    "object": '<object data="x.swf"></object>',
}


def _site(tmp_path, body):
    site = tmp_path / "site"
    site.mkdir()
    (site / "404.html").write_text(TEMPLATE.format(""), encoding="utf-8")  # what the theme writes: learned as expected
    (site / "page.html").write_text(TEMPLATE.replace('".."', '"../.."').format(body), encoding="utf-8")
    return site


def test_our_own_output_passes(tmp_path):
    site = _site(tmp_path, '<p>Texte « &lt;script&gt; » {: onclick }</p><a href="../pays/mali.html">Mali</a>'
                           '<a href="mailto:a@b.fr">a</a><iframe src="cartes/monde.html" title="t"></iframe>'
                           '<script type="application/json" id="cd-spec">{"t": "\\u003c/script\\u003e"}</script>'
                           '<form class="md-search__form"><input type="text"></form>')
    assert scan_site(site) == []


@pytest.mark.parametrize("name", sorted(INJECTIONS))
def test_every_injection_is_found(tmp_path, name):
    findings = scan_site(_site(tmp_path, INJECTIONS[name]))
    assert findings and all(f.path == "page.html" for f in findings), (name, findings)


def test_shapes_ignore_values_not_code():
    assert shape('var m = L.map("map_0", {zoom: 3, c: [-16.5, 14]});') == shape("var m = L.map('x', {zoom: 1, c: [0, 0]});")
    assert shape("cdCarte(m, 1);") != shape("cdCarte(m, 1); alert(1);")
