"""Help-desk figures for reporting: consultations by service, outcome, place, channel, person.

Every figure is counted by the database (an aggregate or one GROUP BY per table), so the
page costs the same dozen queries for ten consultations or a million. Shares are
percentages of the consultations counted under the same filters.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Avg, Count, Q, QuerySet, Sum
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from bilim.accounts.selectors import Capability, Scope
from bilim.centers.models import Center
from bilim.geography.models import Region
from bilim.registrations.models import AgeBand, Disability, Sex
from bilim.scheduling.models import local_datetime

from .models import Consultation, ServiceCategory

TOP_TEXTS = 10  # agencies and reasons: the most frequent only, free text has a long tail

# Translators: a figure for people who did not say (or were not asked) their sex, age, ...
NOT_STATED = _("not stated")
DISABILITY_LABELS: dict[str, str | Promise] = {
    Disability.YES: _("with a disability"),
    Disability.NO: _("without a disability"),
}


@dataclass(frozen=True)
class FigureFilters:
    """Which consultations to count: a period of local days, both ends included."""

    start: datetime.date
    end: datetime.date
    region: Region | None = None
    center: Center | None = None
    category: ServiceCategory | None = None
    channel: str = ""

    @property
    def channel_label(self) -> str:
        return str(Consultation.Channel(self.channel).label) if self.channel else ""


def default_period(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Return this month so far."""
    return today.replace(day=1), today


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    count: int
    share: float  # percent, 0–100, of the consultations the table counts


@dataclass(frozen=True)
class CategoryRow(Row):
    resolved: int
    referred: int
    not_resolved: int


@dataclass(frozen=True)
class Figures:
    filters: FigureFilters
    total: int
    minutes: int
    average_minutes: float | None
    by_category: list[CategoryRow]
    by_outcome: list[Row]
    referred_total: int
    agencies: list[Row]  # shares of the referred consultations
    not_resolved_total: int
    reasons: list[Row]  # shares of the not resolved consultations
    by_region: list[Row]
    by_center: list[Row]
    by_channel: list[Row]
    by_sex: list[Row]
    by_age_band: list[Row]
    by_disability: list[Row]


def figures_region_choices(*, scope: Scope) -> QuerySet[Region]:
    """Return the regions whose figures this scope may see."""
    if not scope.can(Capability.VIEW_HELPDESK_FIGURES):
        return Region.objects.none()
    regions = scope.filter(Region.objects.all(), region="pk", center="districts__centers")
    return regions.order_by("name")


def figures_center_choices(*, scope: Scope) -> QuerySet[Center]:
    """Return the centers whose figures this scope may see (closed ones keep their history)."""
    if not scope.can(Capability.VIEW_HELPDESK_FIGURES):
        return Center.objects.none()
    centers = Center.objects.exclude(status=Center.Status.PLANNED).select_related(
        "district__region"
    )
    return scope.filter(centers, region="district__region", center="pk").order_by("name")


def figures_consultations(*, scope: Scope, filters: FigureFilters) -> QuerySet[Consultation]:
    """Return the consultations the figures count: in scope, in the period, filtered."""
    if not scope.can(Capability.VIEW_HELPDESK_FIGURES):
        return Consultation.objects.none()
    consultations = Consultation.objects.filter(
        created_at__gte=local_datetime(filters.start),
        created_at__lt=local_datetime(filters.end + datetime.timedelta(days=1)),
    )
    if filters.region is not None:
        consultations = consultations.filter(center__district__region=filters.region)
    if filters.center is not None:
        consultations = consultations.filter(center=filters.center)
    if filters.category is not None:
        consultations = consultations.filter(category=filters.category)
    if filters.channel:
        consultations = consultations.filter(channel=filters.channel)
    scoped = scope.filter(consultations, region="center__district__region", center="center")
    return scoped.order_by()  # no default ordering to spoil the GROUP BY


def _share(count: int, of: int) -> float:
    return round(100 * count / of, 1) if of else 0.0


def _label(value: str, choices: Any, labels: dict[str, str | Promise] | None = None) -> str:
    if value in (Sex.NOT_DISCLOSED, AgeBand.NOT_DISCLOSED, Disability.NOT_DISCLOSED):
        return str(NOT_STATED)
    return str((labels or {}).get(value) or choices(value).label)


# The breakdowns over a fixed list of values, all counted in one aggregate.
FIXED: dict[str, tuple[str, Any, dict[str, str | Promise] | None]] = {
    "outcome": ("outcome", Consultation.Outcome, None),
    "channel": ("channel", Consultation.Channel, None),
    "sex": ("sex", Sex, None),
    "age_band": ("age_band", AgeBand, None),
    "disability": ("disability", Disability, DISABILITY_LABELS),
}


def _fixed_figures(consultations: QuerySet[Consultation]) -> dict[str, Any]:
    counts: dict[str, Any] = {
        "total": Count("pk"),
        "minutes": Sum("duration_minutes"),
        "average": Avg("duration_minutes"),
    }
    for name, (column, choices, _labels) in FIXED.items():
        for value in choices.values:
            counts[f"{name}_{value}"] = Count("pk", filter=Q(**{column: value}))
    return consultations.aggregate(**counts)


def _fixed_rows(name: str, counted: dict[str, Any], total: int) -> list[Row]:
    _column, choices, labels = FIXED[name]
    rows = []
    for value in choices.values:
        count = counted[f"{name}_{value}"] or 0
        rows.append(Row(value, _label(value, choices, labels), count, _share(count, total)))
    return rows


def _category_rows(consultations: QuerySet[Consultation], total: int) -> list[CategoryRow]:
    outcome = Consultation.Outcome
    counted = list(
        consultations.values("category")
        .annotate(
            n=Count("pk"),
            resolved=Count("pk", filter=Q(outcome=outcome.RESOLVED)),
            referred=Count("pk", filter=Q(outcome=outcome.REFERRED)),
            not_resolved=Count("pk", filter=Q(outcome=outcome.NOT_RESOLVED)),
        )
        .order_by()
    )
    categories = ServiceCategory.objects.in_bulk([c["category"] for c in counted])
    # The most frequent first; ties in the office's order of the list.
    counted.sort(key=lambda c: (-c["n"], categories[c["category"]].position, c["category"]))
    return [
        CategoryRow(
            key=categories[c["category"]].code,
            label=categories[c["category"]].name,
            count=c["n"],
            share=_share(c["n"], total),
            resolved=c["resolved"],
            referred=c["referred"],
            not_resolved=c["not_resolved"],
        )
        for c in counted
    ]


def _text_rows(consultations: QuerySet[Consultation], column: str) -> tuple[int, list[Row]]:
    """Return how many have the text at all, and the most frequent texts, most first."""
    having = consultations.exclude(**{column: ""})
    counted = having.values(column).annotate(n=Count("pk")).order_by("-n", column)[:TOP_TEXTS]
    of = having.count()
    return of, [Row(c[column], c[column], c["n"], _share(c["n"], of)) for c in counted]


def _counts_by(consultations: QuerySet[Consultation], path: str) -> dict[int, int]:
    counted = consultations.values(path).annotate(n=Count("pk")).order_by()
    return {c[path]: c["n"] for c in counted}


def _place_rows(places: QuerySet[Any], counted: dict[int, int], total: int) -> list[Row]:
    rows = [
        Row(
            place.code,
            place.name,
            counted.get(place.pk, 0),
            _share(counted.get(place.pk, 0), total),
        )
        for place in places
    ]
    return sorted(rows, key=lambda r: (-r.count, r.label))


def _filtered_centers(scope: Scope, filters: FigureFilters) -> QuerySet[Center]:
    centers = figures_center_choices(scope=scope)
    if filters.region is not None:
        centers = centers.filter(district__region=filters.region)
    if filters.center is not None:
        centers = centers.filter(pk=filters.center.pk)
    return centers


def helpdesk_figures(*, scope: Scope, filters: FigureFilters) -> Figures:
    """Count the consultations in scope under the filters, for every table of the report.

    Open centers (and their regions) with no consultation are listed with 0: a desk that
    logs nothing is a finding too.
    """
    consultations = figures_consultations(scope=scope, filters=filters)
    fixed = _fixed_figures(consultations)
    total = fixed["total"] or 0
    referred_total, agencies = _text_rows(consultations, "referred_to")
    not_resolved_total, reasons = _text_rows(consultations, "not_resolved_reason")
    centers = _filtered_centers(scope, filters)
    open_centers = centers.filter(status=Center.Status.OPEN)
    by_center = _counts_by(consultations, "center")
    by_region = _counts_by(consultations, "center__district__region")
    regions = Region.objects.filter(
        Q(pk__in=list(by_region)) | Q(districts__centers__in=open_centers.values("pk"))
    ).distinct()
    average = fixed["average"]
    return Figures(
        filters=filters,
        total=total,
        minutes=fixed["minutes"] or 0,
        average_minutes=round(float(average), 1) if average is not None else None,
        by_category=_category_rows(consultations, total),
        by_outcome=_fixed_rows("outcome", fixed, total),
        referred_total=referred_total,
        agencies=agencies,
        not_resolved_total=not_resolved_total,
        reasons=reasons,
        by_region=_place_rows(regions, by_region, total),
        by_center=_place_rows(
            centers.filter(Q(pk__in=list(by_center)) | Q(status=Center.Status.OPEN)),
            by_center,
            total,
        ),
        by_channel=_fixed_rows("channel", fixed, total),
        by_sex=_fixed_rows("sex", fixed, total),
        by_age_band=_fixed_rows("age_band", fixed, total),
        by_disability=_fixed_rows("disability", fixed, total),
    )
