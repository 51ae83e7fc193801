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
