"""A site built from data full of payloads carries no executable injected code.

Every text field of the real data that accepts it gets a payload appended: plain-text
fields get HTML, attribute lists, script-closing tags, quotes and `javascript:`
links; Markdown fields get what the data profile lets through (entity-encoded
HTML, quotes in link targets, code spans). The site is built with the real
content and configuration, then
- the whole-site scan (sitescan.py) finds nothing;
- Chromium opens every page and every map (tooltips opened, explorer filters
  typed into) and no dialog ever fires, while the payloads show as text.
"""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import ROOT, _QuietHandler, copy_project, mkdocs_build
from coopdec.errors import model_at
from coopdec.models import DATA_FILES, OPTIONAL_FILES

PLAIN = (' «<img src=x onerror=alert(1)>» </script><script>alert(2)</script> {: onclick="alert(3)" } '
         '{onerror=alert(4)} [x](javascript:alert(5)) " onmouseover="alert(6) \' onfocus=\'alert(7) *[X]: y')
MARKDOWN = (' &lt;img src=x onerror=alert(8)&gt; &#60;script&#62;alert(9)&#60;/script&#62; '
            '[lien](https://example.org/?q="onmouseover=alert(10)) `code` **gras**')
MODELS = {**DATA_FILES, **OPTIONAL_FILES}


def _accepts(model: Any, record: dict[str, Any], key: str, payload: str, cache: dict[Any, bool]) -> bool:
    if (model, key, payload) not in cache:
        try:
            model.model_validate({**record, key: record[key] + payload})
            cache[(model, key, payload)] = True
        except Exception:  # noqa: BLE001 - refused by the model: this field does not take the payload
            cache[(model, key, payload)] = False
    return cache[(model, key, payload)]


def inject(value: Any, model: Any, cache: dict[Any, bool]) -> Any:
    """The value with a payload appended to every text field whose model accepts it."""
    if isinstance(value, list):
        return [inject(v, model, cache) for v in value]
    if not isinstance(value, dict) or model is None:
        return value
    out = {}
    for key, item in value.items():
        if isinstance(item, str) and key != "id":
            for payload in (PLAIN, MARKDOWN):
                if _accepts(model, value, key, payload, cache):
                    item += payload
                    break
        elif isinstance(item, (dict, list)):
            item = inject(item, model_at(model, (key,)), cache)
        out[key] = item
    return out


def payload_data(target: Path) -> Path:
    target.mkdir(parents=True)
    cache: dict[Any, bool] = {}
    for path in sorted((ROOT / "data").glob("*.yaml")):
        model = MODELS[path.name]
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        data = {key: inject(records, model_at(model, (key,)), cache) for key, records in data.items()}
        (target / path.name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return target


@pytest.fixture(scope="module")
def payload_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("payloads")
    project = copy_project(tmp, data=payload_data(tmp / "data"))
    site = tmp / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


def test_payloads_reached_the_pages(payload_site):
    html = (payload_site / "geographies" / "sahel.html").read_text(encoding="utf-8")
    assert "onerror=alert(1)" in html and "<img src=x onerror" not in html  # present, as text only


@pytest.mark.build
def test_the_whole_site_scan_finds_nothing(payload_site):
    from coopdec.sitescan import report, scan_site

    findings = scan_site(payload_site)
    assert findings == [], report(findings)


@pytest.mark.browser
def test_no_dialog_fires_on_any_page(browser, payload_site):
    handler = functools.partial(_QuietHandler, directory=str(payload_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    context = browser.new_context(locale="fr-FR")
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
    try:
        pages = sorted(p.relative_to(payload_site).as_posix() for p in payload_site.rglob("*.html"))
        for rel in pages:
            page.goto(f"{base}/{rel}", wait_until="load")
            if rel.startswith("cartes/"):  # open every tooltip: their text comes from the data
                page.evaluate("""() => { for (const k of Object.keys(window)) { const m = window[k];
                    if (m && m.eachLayer) { m.eachLayer(l => { if (l.getTooltip && l.getTooltip()) l.openTooltip(); }); } } }""")
            elif page.locator("#cd-q").count():  # the explorer: type into its filter
                page.fill("#cd-q", "onerror")
                page.wait_for_timeout(200)
        page.goto(f"{base}/index.html", wait_until="load")
        box = page.locator("input.md-search__input")
        box.click()
        page.wait_for_timeout(1500)
        box.fill("onerror alert")  # search results show titles and text from the data
        page.wait_for_timeout(1500)
        assert "onerror=alert" in page.title() or "onerror=alert" in page.content()
    finally:
        context.close()
        server.shutdown()
    assert len(pages) > 600
    assert dialogs == []
