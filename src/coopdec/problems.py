"""Problems found in the data, as values.

Why: an editor fixing a pull request wants every mistake at once, each with
the exact place to look. So nothing here raises on the first problem: loaders
and checks return lists of `Problem`, and the caller fails once with all of
them (`CatalogueError`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One located problem. `line` and `col` are 1-based (0 = unknown)."""

    path: str
    line: int
    col: int
    code: str
    message: str
    field: str = field(default="", compare=False)

    def format(self) -> str:
        where = self.path
        if self.line:
            where += f":{self.line}:{self.col or 1}"
        return f"{where}: erreur: {self.message}"

    def format_github(self) -> str:
        """GitHub Actions annotation, so the error shows on the pull request's line."""
        msg = self.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        return f"::error file={self.path},line={self.line or 1},col={self.col or 1}::{msg}"


class CatalogueError(Exception):
    """The data (or a hand-written page) is wrong: a user error, shown without traceback."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        lines = [p.format() for p in self.problems]
        lines.append(f"{n} erreur{'s' if n > 1 else ''} : corrigez le(s) fichier(s) indiqué(s) puis relancez.")
        return "\n".join(lines)


def display_path(path: Path, root: Path | None) -> str:
    """Path as the editor knows it: relative to the project root when possible."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()
