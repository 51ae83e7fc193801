"""French analysis of text for search, the same at indexing and at query time.

Why our own: the index is built here, in Python, and queried in the browser,
so the two sides must cut and reduce words identically. This module is
mirrored line for line by `assets/analyse.js` (one script used by the search
worker and by the explorer's filter); a test runs both on the whole catalogue
and compares the tokens.

Steps: fold (lower case, accents and ligatures removed), then read tokens in
this order: e-mail addresses (kept whole, and their parts as words), ODD ids
(« ODD 6 », « ODD6 » -> « odd6 »), acronyms with dots (« O.N.U. » -> « onu »),
numbers with dots or commas (« 6.2 », « 24,4 »), then plain words. Anything
that is not a-z or 0-9 separates words, so elisions (« l'Afrique ») split and
the elided article is a stop word. Words are reduced by a light stemmer
(plurals, common derivations and verb endings) so that « énergies » meets
« énergie » and « coopérer » meets « coopération ».
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})

# Order matters: the first alternative that matches at a position wins.
TOKEN = re.compile(
    r"(?P<email>[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})"
    r"|(?P<odd>\bodd ?(?P<n>\d{1,2})\b)"
    r"|(?P<sigle>\b(?:[a-z]\.){2,}(?![a-z0-9]))"
    r"|(?P<nombre>\b\d+(?:[.,]\d+)+\b)"
    r"|(?P<mot>[a-z0-9]+)",
    re.ASCII,  # \b as in JavaScript
)
PART = re.compile(r"[a-z0-9]+")

STOP_WORDS = frozenset("""
a à afin ai au aux avec ce ces cet cette c d dans de des du elle elles en entre est et été être il ils
j je l la le les leur leurs lors lorsqu m ma mais me mes n ne ni nos notre nous on ou où par pas pour
puis puisqu qu quand que quel quelle qui s sa sans se ses si son sont sous sur t ta te tes un une vos
votre vous y jusqu
""".split())

# Longest first; a suffix is removed only if at least MIN_STEM letters remain.
SUFFIXES = ("issements", "issement", "ements", "ement", "atrices", "atrice", "ateurs", "ateur", "ations", "ation",
            "iques", "ique", "ites", "ite", "ives", "ive", "ifs", "if", "er", "ee")
MIN_STEM = 4
TYPO_MIN = 5  # one edit allowed on query words of this length or more


def fold(text: str) -> str:
    """Lower case, no accents or ligatures: « Œuvre Côte » -> « oeuvre cote »."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()


STOP_WORDS = frozenset(fold(w) for w in STOP_WORDS)


def stem(word: str) -> str:
    """Light French stemmer on a folded word; digits and short words are kept as they are."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word[-1] in "sx" and not word.endswith("ss"):
        word = word[:-1]
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    if word.endswith("e") and len(word) - 1 >= MIN_STEM:
        return word[:-1]
    return word


@dataclass(frozen=True)
class Token:
    term: str   # what the index stores
    start: int  # position in the original text (folding keeps length for Latin text; see `tokens`)
    end: int
    stop: bool


def tokens(text: str) -> list[Token]:
    """Every token of `text`, stop words included (flagged), with positions in the folded text.

    E-mail addresses give the whole address first, then each of its parts as
    a word, at the same position.
    """
    folded = fold(text)
    out: list[Token] = []
    for m in TOKEN.finditer(folded):
        start, end = m.span()
        if m.group("email"):
            out.append(Token(m.group("email"), start, end, False))
            for part in PART.finditer(m.group("email")):
                out.append(Token(stem(part.group()), start, end, part.group() in STOP_WORDS))
        elif m.group("odd"):
            out.append(Token("odd" + str(int(m.group("n"))), start, end, False))
        elif m.group("sigle"):
            out.append(Token(m.group("sigle").replace(".", ""), start, end, False))
        elif m.group("nombre"):
            out.append(Token(m.group("nombre").replace(",", "."), start, end, False))
        else:
            word = m.group("mot")
            out.append(Token(stem(word), start, end, word in STOP_WORDS))
    return out


def terms(text: str) -> list[str]:
    """Index terms of `text`: tokens without stop words, in order, repeated as they occur."""
    return [t.term for t in tokens(text) if not t.stop]


def query_terms(text: str) -> list[str]:
    """Distinct query terms; stop words are dropped unless the query has nothing else."""
    toks = tokens(text)
    kept = [t.term for t in toks if not t.stop] or [t.term for t in toks]
    return list(dict.fromkeys(kept))


def within_one_edit(a: str, b: str) -> bool:
    """True if `b` is `a` with at most one letter inserted, deleted, replaced or two neighbours swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    i = 0
    while i < min(la, lb) and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1:] == b[i + 1:]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
    return a[i + 1:] == b[i:] if la > lb else a[i:] == b[i + 1:]
