"""The help-desk figures as a CSV file, in a long format that pivot tables read directly.

One row per figure, under the header ``breakdown,key,label,count,share_percent``:

- ``breakdown`` names the table: ``filter``, ``total``, ``category``, ``category_outcome``,
  ``outcome``, ``referred_to``, ``not_resolved_reason``, ``region``, ``center``,
  ``channel``, ``sex``, ``age_band``, ``disability``;
- ``key`` is stable across languages (a code: ``e-signature``, ``resolved``, a region's
  SOATE code, a center's code; ``category_outcome`` joins both: ``e-signature:referred``;
  agencies and reasons are the text staff typed);
- ``label`` is in the language of the page the file was downloaded from;
- ``share_percent`` is the share of the table's total with one decimal and a dot
  (``referred_to`` of the referred consultations, ``category_outcome`` of the category).

The ``filter`` rows say which consultations were counted (the value is in ``label``);
``total`` rows give consultations, minutes and average minutes in ``count``.
The file is UTF-8 with a byte-order mark, so that Excel shows Cyrillic correctly.
"""

from collections.abc import Iterator

from django.http import StreamingHttpResponse
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from bilim.web.spreadsheets import csv_download

from .figures import Figures, Row
from .models import Consultation

HEADER = ["breakdown", "key", "label", "count", "share_percent"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _text(value: str) -> str:
    """Typed text that a spreadsheet would run as a formula is kept as text."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _rows(breakdown: str, rows: list[Row]) -> Iterator[list[str]]:
    for row in rows:
        yield [
            breakdown,
            _text(row.key),
            _text(str(capfirst(row.label))),
            str(row.count),
            f"{row.share:.1f}",
        ]


def _filter_rows(figures: Figures) -> Iterator[list[str]]:
    f = figures.filters
    yield ["filter", "from", f.start.isoformat(), "", ""]
    yield ["filter", "to", f.end.isoformat(), "", ""]
    if f.region is not None:
        yield ["filter", "region", f.region.name, "", ""]
    if f.center is not None:
        yield ["filter", "center", f.center.name, "", ""]
    if f.category is not None:
        yield ["filter", "category", f.category.name, "", ""]
    if f.channel:
        yield ["filter", "channel", f.channel_label, "", ""]


def figures_csv_rows(figures: Figures) -> Iterator[list[str]]:
    """Yield the header and every figure as a row of the long format."""
    yield HEADER
    yield from _filter_rows(figures)
    average = "" if figures.average_minutes is None else f"{figures.average_minutes:.1f}"
    yield ["total", "consultations", _("Consultations"), str(figures.total), ""]
    yield ["total", "minutes", _("Minutes in total"), str(figures.minutes), ""]
    yield ["total", "average_minutes", _("Average minutes"), average, ""]
    yield from _rows("category", list(figures.by_category))
    outcomes = {row.key: row.label for row in figures.by_outcome}
    for category in figures.by_category:
        for key, count in (
            (Consultation.Outcome.RESOLVED, category.resolved),
            (Consultation.Outcome.REFERRED, category.referred),
            (Consultation.Outcome.NOT_RESOLVED, category.not_resolved),
        ):
            share = 100 * count / category.count if category.count else 0.0
            yield [
                "category_outcome",
                f"{category.key}:{key}",
                f"{category.label}: {outcomes[key]}",
                str(count),
                f"{share:.1f}",
            ]
    yield from _rows("outcome", figures.by_outcome)
    yield from _rows("referred_to", figures.agencies)
    yield from _rows("not_resolved_reason", figures.reasons)
    yield from _rows("region", figures.by_region)
    yield from _rows("center", figures.by_center)
    yield from _rows("channel", figures.by_channel)
    yield from _rows("sex", figures.by_sex)
    yield from _rows("age_band", figures.by_age_band)
    yield from _rows("disability", figures.by_disability)


def figures_csv_response(figures: Figures, *, filename: str) -> StreamingHttpResponse:
    """Return the figures as a CSV download."""
    return csv_download(figures_csv_rows(figures), filename=filename)
