"""Bar charts as inline SVG, drawn at build time: readable offline, no script, numbers also given as text.

Why each label sits above its bar: a phone shows the chart at about 350 px, so a
label column beside the bars would leave the bars no room and shrink the text.
"""

from __future__ import annotations

from .markup import text_html
from .models import Serie

WIDTH, LABEL_H, BAR_H, GAP, VALUE_ROOM = 480, 15, 14, 9, 110


def bar_chart(serie: Serie) -> str:
    """Horizontal bars, in the source's order. The table under the chart carries the same numbers."""
    top = max((p.valeur for p in serie.points), default=0) or 1
    row = LABEL_H + BAR_H + GAP
    height = len(serie.points) * row + GAP
    rows = []
    for i, p in enumerate(serie.points):
        y = GAP + i * row
        w = max(1.0, (WIDTH - VALUE_ROOM) * p.valeur / top)
        label = p.libelle if len(p.libelle) <= 72 else p.libelle[:71] + "…"
        rows.append(
            f'<text x="0" y="{y + LABEL_H - 4}">{text_html(label)}</text>'
            f'<rect x="0" y="{y + LABEL_H}" width="{w:.1f}" height="{BAR_H}" rx="2"></rect>'
            f'<text x="{w + 6:.1f}" y="{y + LABEL_H + BAR_H - 3}" class="cd-valeur">{text_html(p.valeur_imprimee)}</text>')
    title = text_html(serie.titre)
    return (f'<figure class="cd-graphique"><svg viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
            f'role="img" aria-label="{title}" xmlns="http://www.w3.org/2000/svg"><title>{title}</title>{"".join(rows)}</svg></figure>')
