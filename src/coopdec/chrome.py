"""Site chrome that stays light: the theme's templates without their indentation.

Why: Material's templates indent every tag, and the navigation is rendered in
full on every page, so about a third of each page's bytes were blank space.
We strip each template line at compile time (Jinja's `preprocess` step), which
touches only the templates' own text: page content is inserted as a value and
keeps its bytes. Checked: the theme's templates hold no `<pre>`, `<textarea>`
or JavaScript template literal, where leading blanks would matter.
"""

from __future__ import annotations

import jinja2
from jinja2.ext import Extension


class CompactTemplates(Extension):
    """Every template line stripped; blank lines dropped; line breaks kept (they separate words)."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return "\n".join(line.strip() for line in source.splitlines() if line.strip()) + "\n"


def compact(env: jinja2.Environment) -> jinja2.Environment:
    """Apply to a theme's environment before any template is compiled."""
    env.trim_blocks = env.lstrip_blocks = True
    env.add_extension(CompactTemplates)
    if env.cache:
        env.cache.clear()  # templates compiled before this point, if any
    return env


class NavCache:
    """The sidebar navigation rendered once per folder for pages that are not in it.

    Why: Material renders the whole navigation on every page (about half of a
    record page's template time), but a page outside the navigation (every
    programme, contact, organisation, country record) activates no entry, so
    its navigation depends only on the folder its links are relative to. At
    Atlas scale that is one render per folder instead of one per record.
    Pages in the navigation are always rendered in full (their entry is active).
    """

    def __init__(self) -> None:
        self._in_nav: tuple[int, frozenset[int]] | None = None
        self._html: dict[str, str] = {}

    def key(self, page: object, nav: object) -> str:
        """The cache key of `page`'s navigation, or "" when it must be rendered (page in the navigation)."""
        if page is None or nav is None:
            return ""
        if self._in_nav is None or self._in_nav[0] != id(nav):
            self._in_nav = (id(nav), frozenset(id(p) for p in getattr(nav, "pages", ())))
        if id(page) in self._in_nav[1]:
            return ""
        url = getattr(page, "url", "") or ""
        return "dossier:" + url.rsplit("/", 1)[0] if "/" in url else "dossier:"

    def known(self, key: str) -> bool:
        return bool(key) and key in self._html

    def html(self, key: str, rendered: str | None = None) -> str:
        """The cached navigation for `key`; with `rendered`, remember it first (and return it)."""
        if rendered is not None:
            if key:
                self._html[key] = rendered
            return rendered
        return self._html[key]


def with_nav_cache(env: jinja2.Environment, theme_dirs: list[str]) -> jinja2.Environment:
    """Expose NavCache to the templates, and the theme's own templates under `theme/`
    (overrides/partials/nav.html includes `theme/partials/nav.html` when the cache misses)."""
    cache = NavCache()
    env.globals.update(cd_cle_menu=cache.key, cd_menu_connu=cache.known, cd_menu=cache.html)
    env.loader = jinja2.ChoiceLoader([env.loader, jinja2.PrefixLoader({"theme": jinja2.FileSystemLoader(theme_dirs)})])
    return env
