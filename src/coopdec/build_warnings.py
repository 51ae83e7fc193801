"""MkDocs' build warnings, in French, at page:line: strict means strict.

Why: `strict: true` fails a build on a dead link or a missing anchor, but
MkDocs says so in English, without a line, and `--quiet` used to hide the
warnings from its own count. The hooks hand every warning the build logs to
`problem_from_warning`; the build then fails with located French problems.
This module parses MkDocs 1.6's messages (MkDocs 1.x is final: the wording
cannot move under us; a message we do not know is still a failure, shown as
MkDocs wrote it).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from .problems import Problem

_DOC = r"Doc file '(?P<page>[^']+)' contains"
_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(_DOC + r" a link '(?P<link>[^']+)', but the doc '(?P<doc>[^']+)' does not contain an anchor '#(?P<anchor>[^']+)'"),
     lambda m: f"lien « {m['link']} » : la page {m['doc']} n'a pas d'ancre « #{m['anchor']} » ; "
               "vérifiez l'intertitre visé (l'ancre est dérivée de son texte)"),
    (re.compile(_DOC + r" a link '(?P<link>[^']+)', but there is no such anchor on this page"),
     lambda m: f"lien « {m['link']} » : cette page n'a pas d'ancre de ce nom ; vérifiez l'intertitre visé"),
    (re.compile(_DOC + r" a link '(?P<link>[^']+)', but the target(?: '(?P<target>[^']+)')? is not found"),
     lambda m: f"lien mort « {m['link']} » : la page {m['target'] or m['link']} n'existe pas ; "
               "corrigez le chemin (relatif à cette page, avec l'extension .md)"),
    (re.compile(_DOC + r" an unrecognized relative link '(?P<link>[^']+)'"),
     lambda m: f"lien relatif « {m['link']} » non reconnu : visez un fichier .md (ex. ../pays/mali.md)"),
    (re.compile(_DOC + r" an absolute link '(?P<link>[^']+)'"),
     lambda m: f"lien absolu « {m['link']} » : écrivez un chemin relatif vers le fichier .md"),
    (re.compile(r"A reference to '(?P<link>[^']+)' is included in the 'nav' configuration, which is not found"),
     lambda m: f"la navigation (nav de mkdocs.yml) cite « {m['link']} », qui n'existe pas"),
]


def _line_of(source: Path, needle: str) -> int:
    """First line of the hand-written page that contains the link as written (0 if not found)."""
    try:
        for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
            if needle in line:
                return number
    except OSError:
        pass
    return 0


def problem_from_warning(message: str, content_dir: Path, display: Callable[[Path], str]) -> Problem:
    for pattern, french in _PATTERNS:
        found = pattern.search(message)
        if not found:
            continue
        page = found.groupdict().get("page")
        if page is None:
            return Problem("mkdocs.yml", 0, 0, "mkdocs", french(found))
        source = content_dir / page
        if source.exists():
            link = found["link"]
            return Problem(display(source), _line_of(source, link), 1, "lien", french(found))
        return Problem(f"page générée {page}", 0, 0, "lien", french(found) + " (erreur du gabarit : signalez-la aux développeurs)")
    return Problem("mkdocs", 0, 0, "mkdocs", f"avertissement de MkDocs (mode strict) : {message.strip()}")
