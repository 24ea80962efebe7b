"""The center manager's day on the staff home: today's sessions, requests, queue, messages.

It is read in a fixed number of queries whatever the number of sessions or people: the
page opens first thing in the morning, often on a slow village connection.
"""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from django.db.models import (
    BooleanField,
    ExpressionWrapper,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.utils import timezone

from bilim.accounts.models import User
from bilim.accounts.selectors import Capability, Scope
from bilim.attendance.selectors import (
    RosterCounts,
    count_per_row,
    sessions_on,
    with_roster_counts,
)
from bilim.centers.models import Center
from bilim.notifications.selectors import MessageTrouble, message_trouble
from bilim.scheduling.booking_selectors import booking_list
from bilim.scheduling.models import Session, SpaceBooking
from bilim.scheduling.selectors import schedule_center_choices
from bilim.walkins.selectors import QueueSummary, queue_summary

# The soonest waiting requests listed; the rest are one link away.
NEXT_BOOKINGS = 3


def day_center_choices(*, scope: Scope) -> list[Center]:
    """Return the centers whose day a staff member follows: those they schedule, by code."""
    # Operators and analysts are network-wide too, but they do not run centers.
    if not scope.can(Capability.MANAGE_SCHEDULE):
        return []
    return list(schedule_center_choices(scope=scope))


class DayCounts(RosterCounts):
    cancelled: bool
    started: bool
    position: int
    series_length: int


if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations

    # A session as the day lists it, with its counts (see `day_sessions`).
    DaySession = WithAnnotations[Session, DayCounts]


def _flag(condition: Q) -> ExpressionWrapper[Q]:
    return ExpressionWrapper(condition, output_field=BooleanField())


def day_sessions(
    *, user: User, center: Center, day: datetime.date, now: datetime.datetime
) -> "QuerySet[DaySession]":
    """Return a center's sessions of a day that the user may run, with their counts.

    The same sessions as the check-in page, so every link opens; each carries the
    roster counts, `cancelled`, `started`, and `position` / `series_length` in its group.
    """
    held = Session.objects.filter(offering=OuterRef("offering_id"), status=Session.Status.SCHEDULED)
    facilitators = User.objects.order_by("last_name", "first_name", "username")
    sessions = (
        with_roster_counts(sessions_on(user=user, day=day).filter(offering__center=center))
        .annotate(
            cancelled=_flag(Q(status=Session.Status.CANCELLED)),
            started=_flag(Q(starts_at__lte=now)),
            position=count_per_row(held.filter(starts_at__lte=OuterRef("starts_at")), "offering"),
            series_length=count_per_row(held, "offering"),
        )
        .prefetch_related(Prefetch("offering__facilitators", queryset=facilitators))
    )
    return cast("QuerySet[DaySession]", sessions)


def waiting_bookings(*, scope: Scope, center: Center) -> QuerySet[SpaceBooking]:
    """Return a center's room requests that wait for a decision, soonest first."""
    return booking_list(scope=scope, status=SpaceBooking.Status.PENDING).filter(center=center)


@dataclass(frozen=True)
class CenterDay:
    center: Center
    date: datetime.date
    sessions: "list[DaySession]"
    waiting_bookings: int
    next_bookings: list[SpaceBooking]
    messages: MessageTrouble
    queue: QueueSummary | None  # for those who work the help desk

    @property
    def held(self) -> int:
        """The sessions that take place: the cancelled ones are listed but not counted."""
        return sum(1 for session in self.sessions if not session.cancelled)

    @property
    def checked_in(self) -> int:
        return sum(session.checked_in for session in self.sessions)


def center_day(
    *, user: User, scope: Scope, center: Center, now: datetime.datetime | None = None
) -> CenterDay:
    """Return what a center manager looks at first: the center's day so far."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    waiting = waiting_bookings(scope=scope, center=center)
    return CenterDay(
        center=center,
        date=today,
        sessions=list(day_sessions(user=user, center=center, day=today, now=now)),
        waiting_bookings=waiting.count(),
        # A request whose time has passed waits in the full list, not among the next ones.
        next_bookings=list(waiting.filter(ends_at__gt=now)[:NEXT_BOOKINGS]),
        messages=message_trouble(scope=scope, center=center),
        queue=(
            queue_summary(center=center, today=today)
            if scope.can(Capability.LOG_CONSULTATIONS)
            else None
        ),
    )
