"""Reads of community space bookings: the centers' request lists and the open events."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from bilim.accounts.selectors import Capability, Scope
from bilim.centers.models import Center, Room

from .models import Offering, Session, SpaceBooking
from .services.occupancy import blocking_bookings

BOOKING_SCOPE = {"region": "center__district__region", "center": "center"}


def booking_list(*, scope: Scope, status: str | None = None) -> QuerySet[SpaceBooking]:
    """Return the bookings of the centers a staff member manages, soonest first."""
    if not scope.can(Capability.MANAGE_BOOKINGS):
        return SpaceBooking.objects.none()
    qs = SpaceBooking.objects.select_related("center", "room")
    if status:
        qs = qs.filter(status=status)
    return scope.filter(qs, **BOOKING_SCOPE).order_by("starts_at", "pk")


def booking_counts(*, scope: Scope) -> dict[str, int]:
    """Return the number of bookings in scope per status, every status present."""
    rows = (
        booking_list(scope=scope)
        .order_by()
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    counts = dict.fromkeys(SpaceBooking.Status.values, 0)
    counts.update(dict(rows))
    return counts


def booking_get(*, scope: Scope, pk: int) -> SpaceBooking:
    """Return one booking in scope; raises SpaceBooking.DoesNotExist outside it."""
    return booking_list(scope=scope).select_related("decided_by").get(pk=pk)


@dataclass(frozen=True)
class RoomChoice:
    room: Room
    big_enough: bool
    free: bool


def booking_room_choices(
    *, booking: SpaceBooking, now: datetime.datetime | None = None
) -> list[RoomChoice]:
    """Return the center's rooms, saying which are big enough and free at the booking's time.

    Only a hint for the form: the approval checks again under the room's lock.
    """
    rooms = list(Room.objects.filter(center_id=booking.center_id).order_by("-capacity", "name"))
    overlap = Q(starts_at__lt=booking.ends_at, ends_at__gt=booking.starts_at)
    taken = set(
        Session.objects.filter(
            overlap,
            room__in=rooms,
            status=Session.Status.SCHEDULED,
            offering__status=Offering.Status.PUBLISHED,
        ).values_list("room_id", flat=True)
    ) | set(
        SpaceBooking.objects.filter(overlap, blocking_bookings(now=now), room__in=rooms)
        .exclude(pk=booking.pk)
        .values_list("room_id", flat=True)
    )
    return [
        RoomChoice(
            room=r, big_enough=r.capacity >= booking.expected_attendance, free=r.pk not in taken
        )
        for r in rooms
    ]


def open_events(*, center: Center, now: datetime.datetime | None = None) -> QuerySet[SpaceBooking]:
    """Return a center's approved bookings published as open events that have not ended.

    A booking whose group did not check in within the grace time is no longer listed.
    """
    now = now or timezone.now()
    return (
        SpaceBooking.objects.filter(blocking_bookings(now=now), center=center, publish=True)
        .filter(ends_at__gt=now)
        .select_related("room")
        .order_by("starts_at", "pk")
    )


def public_booking_center_get(*, code: str) -> Center:
    """Return an open center whose rooms may be requested; raises Center.DoesNotExist."""
    return Center.objects.filter(status=Center.Status.OPEN).get(code=code)
