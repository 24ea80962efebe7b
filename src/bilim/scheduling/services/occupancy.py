"""One occupant per room and per facilitator at a time, decided under row locks.

Every write that puts a session or an approved booking on a calendar first locks the
rows of the rooms and people involved (in primary-key order, so two writers never wait
on each other crosswise), then looks for overlaps, then writes. On PostgreSQL the lock
serialises concurrent writers for the same room or person; on SQLite every write
transaction is already exclusive (IMMEDIATE).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from bilim.accounts.models import User
from bilim.centers.models import Room

from ..errors import FACILITATOR_TAKEN, ROOM_TAKEN, SchedulingError
from ..models import CHECK_IN_GRACE, Offering, Session, SpaceBooking


@dataclass(frozen=True)
class Slot:
    starts_at: datetime.datetime
    ends_at: datetime.datetime


def lock_calendars(*, room_ids: Iterable[int], user_ids: Iterable[int]) -> None:
    """Lock the rooms' and people's rows until the transaction ends."""
    list(Room.objects.select_for_update().filter(pk__in=set(room_ids)).order_by("pk"))
    list(User.objects.select_for_update().filter(pk__in=set(user_ids)).order_by("pk"))


def _overlapping(slot: Slot) -> Q:
    return Q(starts_at__lt=slot.ends_at, ends_at__gt=slot.starts_at)


def _when(slot: Slot) -> dict[str, str]:
    start = timezone.localtime(slot.starts_at)
    end = timezone.localtime(slot.ends_at)
    end_format = "TIME_FORMAT" if start.date() == end.date() else "SHORT_DATETIME_FORMAT"
    return {
        "start": date_format(start, "SHORT_DATETIME_FORMAT"),
        "end": date_format(end, end_format),
    }


def blocking_bookings(*, now: datetime.datetime | None = None) -> Q:
    """Approved bookings that still hold their room: checked in, or not yet past the grace."""
    now = now or timezone.now()
    return Q(status=SpaceBooking.Status.APPROVED) & (
        Q(checked_in_at__isnull=False) | Q(starts_at__gt=now - CHECK_IN_GRACE)
    )


def check_room_free(
    *,
    room: Room,
    slot: Slot,
    except_sessions: Iterable[int] = (),
    except_booking: int | None = None,
) -> None:
    """Raise SchedulingError if a published session or a held booking occupies the room."""
    session = (
        Session.objects.filter(
            _overlapping(slot),
            room=room,
            status=Session.Status.SCHEDULED,
            offering__status=Offering.Status.PUBLISHED,
        )
        .exclude(pk__in=list(except_sessions))
        .order_by("starts_at")
        .first()
    )
    bookings = SpaceBooking.objects.filter(_overlapping(slot), blocking_bookings(), room=room)
    if except_booking is not None:
        bookings = bookings.exclude(pk=except_booking)
    booking = bookings.order_by("starts_at").first()
    taken = session or booking
    if taken is not None:
        raise SchedulingError(
            ROOM_TAKEN,
            params={"room": room.name, **_when(Slot(taken.starts_at, taken.ends_at))},
        )


def check_people_free(
    *, people: Iterable[User], slot: Slot, except_sessions: Iterable[int] = ()
) -> None:
    """Raise SchedulingError if one of the people leads another published session then."""
    for person in people:
        other = (
            Session.objects.filter(
                _overlapping(slot),
                status=Session.Status.SCHEDULED,
                offering__status=Offering.Status.PUBLISHED,
                offering__facilitators=person,
            )
            .exclude(pk__in=list(except_sessions))
            .order_by("starts_at")
            .first()
        )
        if other is not None:
            name = person.get_full_name() or person.get_username()
            raise SchedulingError(
                FACILITATOR_TAKEN,
                params={"person": name, **_when(Slot(other.starts_at, other.ends_at))},
            )
