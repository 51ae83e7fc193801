"""The search index, written once at build time as script files (http and file:// alike).

Why script files: over file:// a page cannot `fetch` anything, but it can
load a script; a worker loads them with `importScripts`, Material's file://
shim with script tags. Why shards: at Atlas scale the whole index is several
megabytes, and a query needs only the postings of its few terms and the
stored text of its first results.

Layout, under `assets/recherche/<hash>/` (the hash of the content, so a new
build never mixes with files a browser has cached):

- `index.js`: the sorted dictionary of terms (for prefixes and typos), the
  shard keys (a term lives in the shard with the longest key that begins
  it), each document's number of distinct title terms and alias terms
  (exact-name bonus);
- `t/<n>.js`: postings `{term: [doc, score, doc, score…]}`, doc numbers as
  deltas, score = 4 × quantised BM25F, + 1 if the term is in the title,
  + 2 if it is in the alias;
- `d/<n>.js`: documents by blocks of BLOCK: url, title, kind, context, the
  first STORED_TEXT characters of the text, 1 when the text goes on, and
  for a section the number of its page's document (-1 otherwise: Material
  shows a section under its page's title, or without its snippet);
- `s/<doc>.js`: the rest of a long text, loaded only for a result whose
  matched words are not in its stored start (so its snippet is still a real
  sentence around them, and a first query stays light).

Scores are computed here, so the browser only adds numbers.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..markup import json_script
from .analysis import terms
from .documents import KINDS, SearchDocument

BLOCK = 16            # documents per stored block: a first page of results loads few bytes
STORED_TEXT = 1500    # characters of text stored with each document; the rest is in its own file
SHARD_BUDGET = 48_000  # characters of postings per shard, before splitting by a longer prefix
K1, B = 1.2, 0.75
FOLDER = "assets/recherche"


@dataclass
class BuiltIndex:
    files: dict[str, str]  # path under the site -> text
    version: str
    documents: int
    terms: int


def _js(call: str, *args: object) -> str:
    body = ",".join(json_script(a, separators=(",", ":"), sort_keys=True) for a in args)  # `<` never raw
    return f"CDR.{call}({body});\n"


def score_documents(docs: list[SearchDocument]) -> tuple[dict[str, dict[int, int]], list[int], list[int]]:
    """Postings {term: {doc: encoded score}} and each document's count of distinct title and alias terms."""
    per_doc: list[list[tuple[float, Counter[str], int]]] = []
    lengths: dict[float, list[int]] = defaultdict(list)
    for doc in docs:
        fields = []
        for weight, text in doc.fields:
            words = terms(text)
            fields.append((weight, Counter(words), len(words)))
            lengths[weight].append(len(words))
        per_doc.append(fields)
    average = {w: (sum(v) / len(v)) or 1.0 for w, v in lengths.items()}
    df: Counter[str] = Counter()
    for fields in per_doc:
        df.update({t for _, counts, _ in fields for t in counts})
    n = len(docs)
    postings: dict[str, dict[int, int]] = defaultdict(dict)
    title_terms, alias_terms = [], []
    for i, fields in enumerate(per_doc):
        title, alias = fields[0][1], set(terms(docs[i].alias))
        title_terms.append(len(title))
        alias_terms.append(len(alias))
        raw: dict[str, float] = defaultdict(float)
        for weight, counts, length in fields:
            norm = K1 * (1 - B + B * length / average[weight])
            for t, tf in counts.items():
                raw[t] += docs[i].boost * weight * tf * (K1 + 1) / (tf + norm)
        for t, s in raw.items():
            idf = math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5))
            postings[t][i] = max(1, round(s * idf * 10)) * 4 + (1 if t in title else 0) + (2 if t in alias else 0)
    return postings, title_terms, alias_terms


def _size(term: str, docs: dict[int, int]) -> int:
    return len(term) + 12 * len(docs)


def shard_keys(sizes: dict[str, int], depth: int = 1, prefix: str = "") -> list[str]:
    """Prefixes that cut the sorted terms into shards under SHARD_BUDGET (a big single term stays whole)."""
    groups: dict[str, list[str]] = defaultdict(list)
    for t in sizes:
        groups[t[:depth]].append(t)
    keys = []
    for key in sorted(groups):
        members = groups[key]
        if sum(sizes[t] for t in members) <= SHARD_BUDGET or all(len(t) <= depth for t in members):
            keys.append(key)
        else:
            keys.append(key)  # the terms no longer than `key`
            keys += shard_keys({t: sizes[t] for t in members if len(t) > depth}, depth + 1, key)
    return keys


def shard_of(term: str, keys: set[str]) -> str:
    for n in range(len(term), 0, -1):
        if term[:n] in keys:
            return term[:n]
    raise KeyError(term)


def build_index(documents: list[SearchDocument]) -> BuiltIndex:
    docs = sorted(documents, key=lambda d: d.url)
    postings, title_terms, alias_terms = score_documents(docs)
    sizes = {t: _size(t, p) for t, p in postings.items()}
    keys = shard_keys(sizes)
    key_set = set(keys)
    number = {k: i for i, k in enumerate(keys)}
    shards: dict[int, dict[str, list[int]]] = defaultdict(dict)
    for t in sorted(postings):
        flat, last = [], 0
        for d in sorted(postings[t]):
            flat += [d - last, postings[t][d]]
            last = d
        shards[number[shard_of(t, key_set)]][t] = flat
    data: dict[str, str] = {}
    for i, content in sorted(shards.items()):
        data[f"t/{i}.js"] = _js("termes", i, content)
    pages = {d.url: i for i, d in enumerate(docs) if "#" not in d.url}
    parent = [pages.get(d.url.split("#")[0], -1) if "#" in d.url else -1 for d in docs]
    for b in range(0, len(docs), BLOCK):
        block = [[d.url, d.title, KINDS[d.kind], d.context, d.text[:STORED_TEXT], int(len(d.text) > STORED_TEXT), parent[b + k]]
                 for k, d in enumerate(docs[b:b + BLOCK])]
        data[f"d/{b // BLOCK}.js"] = _js("docs", b // BLOCK, block)
    for i, d in enumerate(docs):
        if len(d.text) > STORED_TEXT:
            data[f"s/{i}.js"] = _js("suite", i, d.text[STORED_TEXT:])
    meta = {"n": len(docs), "bloc": BLOCK, "cles": [k if i in shards else "" for i, k in enumerate(keys)],
            "titres": title_terms, "alias": alias_terms, "termes": "\n".join(sorted(postings))}
    data["index.js"] = _js("meta", meta)
    digest = hashlib.sha256("".join(f"{p}\0{t}" for p, t in sorted(data.items())).encode()).hexdigest()[:10]
    files = {f"{FOLDER}/{digest}/{p}": t for p, t in data.items()}
    return BuiltIndex(files, digest, len(docs), len(postings))
