"""Golden files for the generated Markdown of the fixture catalogue (review diffs with --update-goldens)."""

import pytest

from conftest import VALID
from coopdec.build import Project

PROJECT = Project.load(VALID)


@pytest.mark.parametrize("page", PROJECT.pages, ids=lambda p: p.path)
def test_generated_page(page, golden):
    golden(page.path, page.markdown)


@pytest.mark.parametrize("rel", ["index.md", "programmes/index.md"])
def test_directive_expansion(rel, golden):
    golden("content/" + rel, PROJECT.expand((VALID / "content" / rel).read_text(encoding="utf-8"), rel))


def test_every_generated_page_is_covered():
    paths = {p.path for p in PROJECT.pages}
    assert {"thematiques/services.md", "thematiques/eau.md", "geographies/sahel.md", "pays/mali.md", "pays/senegal.md",
            "programmes/aimf-eau.md", "programmes/bretagne-senegal.md", "contacts/aimf-sp.md", "contacts/elise-martin.md",
            "organisations/aimf.md", "organisations/region-bretagne.md", "glossaire.md", "regions/bretagne.md", "odd/index.md",
            *(f"odd/{n}.md" for n in range(1, 18))} == paths
