"""Bar charts as inline SVG, drawn at build time: readable offline, no script, numbers also given as text."""

from __future__ import annotations

from .markup import text_html
from .models import Serie

WIDTH, LABEL, BAR_H, GAP = 640, 230, 18, 8


def bar_chart(serie: Serie) -> str:
    """Horizontal bars, in the source's order. The table under the chart carries the same numbers."""
    top = max((p.valeur for p in serie.points), default=0) or 1
    height = len(serie.points) * (BAR_H + GAP) + GAP
    rows = []
    for i, p in enumerate(serie.points):
        y = GAP + i * (BAR_H + GAP)
        w = max(1.0, (WIDTH - LABEL - 90) * p.valeur / top)
        rows.append(
            f'<text x="{LABEL - 8}" y="{y + BAR_H - 5}" text-anchor="end">{text_html(p.libelle[:38])}</text>'
            f'<rect x="{LABEL}" y="{y}" width="{w:.1f}" height="{BAR_H}" rx="2"></rect>'
            f'<text x="{LABEL + w + 6:.1f}" y="{y + BAR_H - 5}">{text_html(p.valeur_imprimee)}</text>')
    title = text_html(serie.titre)
    return (f'<figure class="cd-graphique"><svg viewBox="0 0 {WIDTH} {height}" role="img" aria-label="{title}" '
            f'xmlns="http://www.w3.org/2000/svg"><title>{title}</title>{"".join(rows)}</svg></figure>')
