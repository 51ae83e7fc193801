"""Small text helpers shared by checks, renderers and the search step.

Why our own French collation key: `locale.strxfrm` depends on the machine's
locales, which would make the output differ between machines. This key
(accents and case ignored first, then used to break ties) is deterministic
and puts « Égypte » between « Croatie » and « Espagne », as readers expect.
"""

from __future__ import annotations

import re
import unicodedata

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})
_MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
         "septembre", "octobre", "novembre", "décembre"]


def fold(text: str) -> str:
    """Lower-case, without accents or ligatures: « Œuvre Côte » -> « oeuvre cote »."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def cle_fr(text: str) -> tuple[str, str]:
    """Sort key: folded text first, then the original to keep the order total."""
    return fold(text).replace("’", "'").lstrip("« \"'("), text


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def date_fr(value: str) -> str:
    """« 2020 », « octobre 2020 », « 3 octobre 2020 » from AAAA[-MM[-JJ]]."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    mois = _MOIS[int(parts[1]) - 1]
    if len(parts) == 2:
        return f"{mois} {parts[0]}"
    day = int(parts[2])
    return f"{'1er' if day == 1 else day} {mois} {parts[0]}"
