"""Reads of centers, public and scoped."""

import math
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR

from bilim.accounts.models import RoleAssignment
from bilim.accounts.selectors import Scope
from bilim.geography.models import District, Region

from .models import Center, OpeningException, OpeningHours

CENTER_SCOPE = {"region": "district__region", "center": "pk"}
EARTH_RADIUS_KM = 6371.0


def center_list(*, scope: Scope) -> QuerySet[Center]:
    """Return the centers a staff member's scope covers, with district and region."""
    return scope.filter(Center.objects.select_related("district__region"), **CENTER_SCOPE)


def center_table(*, scope: Scope) -> QuerySet[Center]:
    """Return the scoped centers with their number of rooms, for the staff list."""
    return center_list(scope=scope).annotate(room_count=Count("rooms", distinct=True))


def center_get(*, scope: Scope, code: str) -> Center:
    """Return one center in scope; raises Center.DoesNotExist outside it."""
    return center_list(scope=scope).prefetch_related("rooms").get(code=code)


def center_staff(*, center: Center) -> QuerySet[RoleAssignment]:
    """Return the managers and facilitators attached to a center."""
    return RoleAssignment.objects.filter(center=center).select_related("user").order_by("role")


def district_choices(*, scope: Scope) -> QuerySet[District]:
    """Return the districts where a staff member may place a center."""
    return scope.filter(
        District.objects.select_related("region"), region="region", center="centers"
    ).order_by("region__code", "code")


def public_center_list(
    *, region: Region | None = None, district: District | None = None
) -> QuerySet[Center]:
    """Return the open centers, as anyone may see them, optionally of one area."""
    qs = (
        Center.objects.filter(status=Center.Status.OPEN)
        .select_related("district__region")
        .prefetch_related("opening_hours")
    )
    if district is not None:
        qs = qs.filter(district=district)
    elif region is not None:
        qs = qs.filter(district__region=region)
    return qs.order_by("district__region__code", "district__code", "code")


def public_center_get(*, code: str) -> Center:
    """Return an open center with its rooms, hours and coming exceptions."""
    return (
        Center.objects.filter(status=Center.Status.OPEN)
        .select_related("district__region")
        .prefetch_related(
            "rooms",
            "opening_hours",
            Prefetch(
                "opening_exceptions",
                queryset=OpeningException.objects.filter(date__gte=timezone.localdate()),
                to_attr="coming_exceptions",
            ),
        )
        .get(code=code)
    )


def region_center_counts() -> QuerySet[Region]:
    """Return every region with the number of its open centers."""
    return Region.objects.annotate(
        open_centers=Count(
            "districts__centers", filter=Q(districts__centers__status=Center.Status.OPEN)
        )
    ).order_by("code")


def distance_km(lat1: Decimal, lon1: Decimal, lat2: Decimal, lon2: Decimal) -> float:
    """Great-circle distance between two points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


@dataclass(frozen=True)
class NearCenter:
    center: Center
    km: float


def centers_nearest(*, latitude: Decimal, longitude: Decimal, limit: int = 5) -> list[NearCenter]:
    """Return the open centers closest to a point, nearest first.

    The network has tens of centers, so distances are computed in Python over all of
    them: one query, no spatial extension needed on SQLite or PostgreSQL.
    """
    ranked = sorted(
        (
            NearCenter(c, distance_km(latitude, longitude, c.latitude, c.longitude))
            for c in public_center_list()
        ),
        key=lambda near: near.km,
    )
    return ranked[:limit]


@dataclass(frozen=True)
class DayHours:
    weekday: int
    label: str
    periods: list[OpeningHours]


def week_summary(center: Center) -> str:
    """Return the week in one short line: "Mon–Fri 09:00–18:00; Sat 10:00–14:00".

    Consecutive days with the same hours are joined; closed days are left out.
    """
    days: list[tuple[int, str]] = []
    for day in week_hours(center):
        if day.periods:
            hours = ", ".join(f"{p.opens:%H:%M}–{p.closes:%H:%M}" for p in day.periods)
            days.append((day.weekday, hours))
    parts: list[str] = []
    i = 0
    while i < len(days):
        j = i
        while j + 1 < len(days) and days[j + 1] == (days[j][0] + 1, days[i][1]):
            j += 1
        first, last = str(WEEKDAYS_ABBR[days[i][0]]), str(WEEKDAYS_ABBR[days[j][0]])
        parts.append(f"{first}–{last} {days[i][1]}" if j > i else f"{first} {days[i][1]}")
        i = j + 1
    return "; ".join(parts)


def week_hours(center: Center) -> list[DayHours]:
    """Return the center's hours as seven days, Monday first, from prefetched rows."""
    by_day: dict[int, list[OpeningHours]] = {}
    for period in center.opening_hours.all():
        by_day.setdefault(period.weekday, []).append(period)
    return [
        DayHours(weekday=day, label=str(label), periods=by_day.get(day, []))
        for day, label in OpeningHours.Weekday.choices
    ]
