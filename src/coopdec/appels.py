"""The state of a call for projects, as a reader needs it: closed, or to be checked, and with whom.

Why no clock: renderers are deterministic. The reference date is the newest
source document of the catalogue: the site is read after it was published, so
a deadline before that date is certainly past. Everything else is said to be
checked with the body that runs the call, with the date of the information.
"""

from __future__ import annotations

from dataclasses import dataclass

from .catalogue import Catalogue
from .text import date_fr

GENRES_APPEL = ("appel-a-projets", "fonds", "programme-europeen", "concours")


@dataclass(frozen=True)
class Statut:
    etat: str  # "cloture", "ouvert-selon-la-source" or "a-verifier"
    texte: str  # plain text, escaped by the template
    aupres_de: str | None  # organisation id to check with, if any


def reference(cat: Catalogue) -> str:
    """The newest source document's date: a floor for the day the site is read."""
    return max((d.date for d in cat.documents.values()), default="0000")


def _passee(echeance: str, ref: str) -> bool:
    """Certainly past: earlier on the precision both dates share (« 2020-04 » is past for « 2024-11 »)."""
    n = min(len(echeance), len(ref))
    return echeance[:n] < ref[:n]


def statut_appel(prog, cat: Catalogue) -> Statut | None:
    """None for records that are not calls or funds."""
    if prog.genre not in GENRES_APPEL:
        return None
    aupres = prog.porteurs[0] if prog.porteurs else ("daect" if "daect" in cat.organisations else None)
    org = cat.organisations[aupres] if aupres else None
    qui = f"du porteur, {org.sigle or org.nom}" if org else "de l'organisme qui le gère"
    info = date_fr(prog.mis_a_jour)
    if prog.echeance and _passee(prog.echeance, reference(cat)):
        texte = f"clôturé (échéance : {date_fr(prog.echeance)})"
        if prog.recurrent:
            texte += f" ; la source le dit renouvelé : session en cours à vérifier auprès {qui}"
        return Statut("cloture", texte, aupres)
    if prog.echeance:
        return Statut("ouvert-selon-la-source",
                      f"ouvert selon la source jusqu'au {date_fr(prog.echeance)} (information de {info}) : à vérifier auprès {qui}",
                      aupres)
    return Statut("a-verifier", f"à vérifier auprès {qui} (aucune date limite imprimée ; information de {info})", aupres)
