"""Runs of words a prose field shares with the source documents.

Why a word-run comparison: our pages must carry the sources' facts in our own
words. A run of N consecutive words found in a source is copied text, whatever
the casing, accents or line breaks the PDF extraction left in it. Names,
titles and fields kept « as printed » are not prose: only Markdown fields
(descriptions, résumés, contextes…) are compared.

Run as a script to print the figures: `python tests/copied_runs.py [N]`.
"""

from __future__ import annotations

import os
import re
import sys
import typing
import unicodedata
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHORT = 12  # runs reported
LONG = 20  # runs that fail the test

_CUT = re.compile(r"(\w)-\s*\n\s*(\w)")  # a word cut across two lines by the extraction
_FOOTER = re.compile(r"^\s*(?:\d{1,3}|.*\|.*(?:partie|guide op|th[ée]matiques|g[ée]ographies).*)\s*$", re.IGNORECASE)
_MD_LINK = re.compile(r"\]\([^)]*\)")


def seeds_dir() -> Path | None:
    """`shared/seeds` beside the repository (or above a worktree), or $COOPDEC_SEEDS."""
    if os.environ.get("COOPDEC_SEEDS"):
        path = Path(os.environ["COOPDEC_SEEDS"])
        return path if path.is_dir() else None
    for parent in ROOT.parents:
        if (parent / "shared" / "seeds").is_dir():
            return parent / "shared" / "seeds"
    return None


def words(text: str) -> list[str]:
    """Lower-case words without accents or punctuation: « L’Afrique » -> ['l', 'afrique']."""
    decomposed = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("Œ", "oe"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.findall(r"[a-z0-9]+", plain)


def seed_words(text: str) -> list[str]:
    """Words of a source, with page footers dropped and cut words joined."""
    lines = [line for line in text.splitlines() if not _FOOTER.match(line)]
    return words(_CUT.sub(r"\1\2", "\n".join(lines)))


def ngrams(tokens: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def load_seed_ngrams(folder: Path, n: int = SHORT) -> set[tuple[str, ...]]:
    grams: set[tuple[str, ...]] = set()
    for path in sorted(folder.glob("*.txt")):
        grams |= ngrams(seed_words(path.read_text(encoding="utf-8")), n)
    return grams


def copied_runs(text: str, seed_grams: set[tuple[str, ...]], n: int = SHORT) -> list[str]:
    """Maximal runs of at least `n` words of `text` that are found in the sources."""
    tokens = words(_MD_LINK.sub("]", text))
    hits = [tuple(tokens[i:i + n]) in seed_grams for i in range(len(tokens) - n + 1)]
    runs, i = [], 0
    while i < len(hits):
        if hits[i]:
            j = i
            while j + 1 < len(hits) and hits[j + 1]:
                j += 1
            runs.append(" ".join(tokens[i:j + n]))
            i = j + 1
        else:
            i += 1
    return runs


def _is_markdown(annotation: typing.Any, metadata: typing.Iterable[typing.Any] = ()) -> bool:
    """A `Markdown` field (pydantic moves a bare Annotated's metadata to FieldInfo.metadata)."""
    from coopdec.models import _check_markdown

    if any(getattr(m, "func", None) is _check_markdown for m in [*metadata, *getattr(annotation, "__metadata__", ())]):
        return True
    return any(_is_markdown(arg) for arg in typing.get_args(annotation) or ())


def prose_fields(root: Path = ROOT) -> Iterator[tuple[str, str, str]]:
    """(file, record id > field, text) for every Markdown field of the real data."""
    from pydantic import BaseModel

    from coopdec.catalogue import load_catalogue

    load_catalogue(root / "data", root)  # only valid data is compared
    from coopdec.models import DATA_FILES, OPTIONAL_FILES
    from coopdec.yamlpos import load_yaml_file

    def walk(model: BaseModel, where: str) -> Iterator[tuple[str, str]]:
        ident = getattr(model, "id", None) or getattr(model, "sigle", None) or getattr(model, "nom", None)
        here = f"{where} > {ident}" if ident and where else (ident or where)
        for name, info in type(model).model_fields.items():
            value = getattr(model, name)
            if isinstance(value, str) and _is_markdown(info.annotation, info.metadata):
                yield f"{here}.{name}", value
            elif isinstance(value, BaseModel):
                yield from walk(value, here)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, BaseModel):
                        yield from walk(item, here)

    for name, model_cls in {**DATA_FILES, **OPTIONAL_FILES}.items():
        path = root / "data" / name
        if not path.exists():
            continue
        doc, _ = load_yaml_file(path, name)
        for where, text in walk(model_cls.model_validate(doc.data), ""):
            yield f"data/{name}", where, text


def main(argv: list[str]) -> int:
    folder = seeds_dir()
    if folder is None:
        print("sources introuvables (shared/seeds ou $COOPDEC_SEEDS)")
        return 1
    grams = load_seed_ngrams(folder)
    total = copied = 0
    runs: list[tuple[int, str, str, str]] = []
    for file, where, text in prose_fields():
        found = copied_runs(text, grams)
        total += len(words(text))
        copied += sum(len(r.split()) for r in found)
        runs += [(len(r.split()), file, where, r) for r in found]
    verbose = "-v" in argv
    for length, file, where, run in sorted(runs, reverse=True):
        if verbose or length >= LONG:
            print(f"{length:3d} {file} {where}: {run}")
    long_runs = sum(1 for r in runs if r[0] >= LONG)
    print(f"{len(runs)} passages de {SHORT} mots ou plus copiés des sources, dont {long_runs} de {LONG} mots ou plus ; "
          f"{copied} mots sur {total} ({100 * copied / max(total, 1):.1f} %)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    sys.exit(main(sys.argv[1:]))
