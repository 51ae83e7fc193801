"""Accent-insensitive search for Material's lunr index.

Why: Material's French search has no accent folding, so « senegal » finds
nothing. After the search plugin writes `search_index.json`, we add two
fields, declared in `config.fields` so Material's worker indexes them:
`title_fold` and `text_fold`, holding the accent-free form of each word that
has an accent (once per document). Unaccented queries match these fields;
accented queries still match the originals. Only accented words are copied,
so the index grows by a fraction instead of doubling.
"""

from __future__ import annotations

import re
from typing import Any

from .text import fold

_TAG = re.compile(r"<[^>]+>")
_ENTITY = re.compile(r"&[a-zA-Z]+;|&#\d+;")

FOLD_FIELDS = {"title_fold": "title", "text_fold": "text"}


def folded_words(text: str, separator: re.Pattern[str]) -> str:
    """Accent-free forms of the words of `text` that carry accents, deduplicated, in order."""
    plain = _ENTITY.sub(" ", _TAG.sub(" ", text))
    seen: dict[str, None] = {}
    for token in separator.split(plain):
        if not token:
            continue
        lowered = token.lower()
        folded = fold(lowered)
        if folded != lowered:
            seen.setdefault(folded, None)
    return " ".join(seen)


def fold_search_index(index: dict[str, Any]) -> dict[str, Any]:
    """Return the index with folded fields added (input is not modified)."""
    config = dict(index["config"])
    separator = re.compile(config.get("separator") or r"[\s\-]+")
    fields = dict(config.get("fields") or {"title": {"boost": 1000.0}, "text": {"boost": 1.0}})
    for folded, original in FOLD_FIELDS.items():
        fields[folded] = dict(fields.get(original, {"boost": 1.0}))
    config["fields"] = fields
    docs = []
    for doc in index["docs"]:
        doc = dict(doc)
        for folded, original in FOLD_FIELDS.items():
            words = folded_words(doc.get(original, ""), separator)
            if words:
                doc[folded] = words
        docs.append(doc)
    return {**index, "config": config, "docs": docs}
