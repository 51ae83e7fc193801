"""Old addresses keep working: one small HTML page per old id, pointing to the record.

A meta refresh (works over file:// too), a canonical link, `noindex`, and a
visible link for readers whose browser does not follow refreshes.
"""

from __future__ import annotations

from .catalogue import FOLDERS, Catalogue
from .markup import text_html


def redirect_pages(cat: Catalogue) -> dict[str, str]:
    pages = {}
    for folder, attrs in FOLDERS.items():
        for attr in attrs:
            for record in getattr(cat, attr).values():
                title = getattr(record, "titre", None) or getattr(record, "nom", None) or record.id
                for old in getattr(record, "anciens_ids", []):
                    target = f"{record.id}.html"
                    pages[f"{folder}/{old}.html"] = (
                        '<!doctype html>\n<html lang="fr"><head><meta charset="utf-8">'
                        f"<title>Adresse déplacée : {text_html(title)}</title>"
                        f'<meta http-equiv="refresh" content="0; url={target}"><link rel="canonical" href="{target}">'
                        '<meta name="robots" content="noindex"></head>\n'
                        f'<body><p>Cette fiche a changé d\'adresse : <a href="{target}">{text_html(title)}</a>.</p></body></html>\n')
    return dict(sorted(pages.items()))
