"""The build date comes from the data, never from the clock.

Why: MkDocs stamps every `<lastmod>` of `sitemap.xml` (and the gzip header of
`sitemap.xml.gz`) with the day of the build, so the same data built on two days
gave two different sites and two different zips. MkDocs follows the
reproducible-builds convention `SOURCE_DATE_EPOCH`; we derive it from the
newest date the data carries (a record's `mis_a_jour`, a document's `date`), so
the sitemap says when the information last changed, and two clones built on
any two days give the same bytes. A `SOURCE_DATE_EPOCH` set by the caller wins,
as the convention asks.
"""

from __future__ import annotations

import calendar
import os
from collections.abc import Iterable
from typing import Any

from .catalogue import Catalogue

ENV = "SOURCE_DATE_EPOCH"


def _dates(value: Any) -> Iterable[str]:
    """Every `mis_a_jour` and document `date` inside a record (nested models included)."""
    for name in ("mis_a_jour", "date"):
        date = getattr(value, name, None)
        if isinstance(date, str):
            yield date


def newest_date(catalogue: Catalogue) -> str:
    """The newest information date in the catalogue, as AAAA-MM-JJ (AAAA → AAAA-01-01)."""
    found = []
    for group in vars(catalogue).values():
        records = group.values() if isinstance(group, dict) else group if isinstance(group, list) else ()
        for record in records:
            for date in _dates(record):
                parts = (date.split("-") + ["01", "01"])[:3]
                found.append("-".join(parts))
    if not found:
        return "1980-01-01"  # the zip epoch: an empty catalogue still builds reproducibly
    return max(found)


def source_date_epoch(catalogue: Catalogue) -> int:
    """Seconds since 1970 at 00:00 UTC of the newest data date."""
    year, month, day = (int(p) for p in newest_date(catalogue).split("-"))
    return calendar.timegm((year, month, day, 0, 0, 0))


def pin_build_date(catalogue: Catalogue) -> str:
    """Set SOURCE_DATE_EPOCH for this process from the data, unless the caller already set it."""
    return os.environ.setdefault(ENV, str(source_date_epoch(catalogue)))
