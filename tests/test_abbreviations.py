"""Sigles cost nothing per page: the abbr glossary, never definitions re-parsed on every page.

Why structural and not timed: appended `*[SIGLE]: …` lines made Python-Markdown's
block parser quadratic in the number of sigles (each definition is one pass that
hands the rest back to every block processor). We count the characters that one
block processor is given to scan; they must not grow with the number of sigles.
"""

from __future__ import annotations

import os

import markdown
import pytest
from markdown.blockprocessors import BlockQuoteProcessor

from conftest import ROOT
from coopdec.build import Project
from coopdec.render import abbreviations


@pytest.fixture(scope="module")
def mkdocs_config():
    """mkdocs.yml as MkDocs sees it after our hook's on_config (real data)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.plugins.on_config(config)


def _scanned(md: markdown.Markdown, text: str, monkeypatch) -> int:
    """Characters handed to the blockquote processor's test while converting `text`."""
    calls = 0
    original = BlockQuoteProcessor.test

    def counting(self, parent, block):
        nonlocal calls
        calls += len(block)
        return original(self, parent, block)

    monkeypatch.setattr(BlockQuoteProcessor, "test", counting)
    md.reset().convert(text)
    monkeypatch.setattr(BlockQuoteProcessor, "test", original)
    return calls


def test_every_sigle_reaches_the_glossary_option(mkdocs_config):
    project = Project.load(ROOT)
    glossary = mkdocs_config.mdx_configs["abbr"]["glossary"]
    assert len(glossary) > 100 and glossary == project.glossary
    html = markdown.markdown("La DAECT et le FICOL.", extensions=["abbr"], extension_configs={"abbr": {"glossary": glossary}})
    assert '<abbr title="' in html and "DAECT</abbr>" in html


def test_parser_work_does_not_grow_with_the_number_of_sigles(mkdocs_config, monkeypatch):
    project = Project.load(ROOT)
    text = project.expand((ROOT / "content" / "index.md").read_text(encoding="utf-8"), "index.md")
    assert "\n*[" not in text, "pages must not carry the definitions: they go to the abbr glossary option"
    configs = {k: dict(v) for k, v in mkdocs_config.mdx_configs.items()}
    full = markdown.Markdown(extensions=mkdocs_config.markdown_extensions, extension_configs=configs)
    configs["abbr"]["glossary"] = dict(list(project.glossary.items())[:3])
    few = markdown.Markdown(extensions=mkdocs_config.markdown_extensions, extension_configs=configs)
    assert _scanned(full, text, monkeypatch) == _scanned(few, text, monkeypatch)


def test_portable_definitions_are_read_in_one_pass_each(monkeypatch):
    """`coopdec generate` appends them for other engines: one paragraph each, linear."""
    project = Project.load(ROOT)
    defs = abbreviations(project.catalogue)
    md = markdown.Markdown(extensions=["abbr", "admonition", "tables"])
    n = len(project.glossary)
    # Each definition scanned once (linear), where consecutive lines are rescanned n/2 times on average.
    assert _scanned(md, "Texte.\n\n" + defs, monkeypatch) <= len(defs) + 10
    assert _scanned(md, "Texte.\n\n" + defs.replace("\n\n", "\n"), monkeypatch) > n * len(defs) / 4  # the test can fail
    assert 'title="' in md.reset().convert("La DAECT.\n\n" + defs)
