"""Reads for check-in: the sessions a staff member may run, their rosters, attendance shares."""

import datetime
import re
from typing import TYPE_CHECKING, Any, TypedDict, cast

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from bilim.accounts.models import User
from bilim.accounts.selectors import Capability, scope_for
from bilim.registrations.models import Registration
from bilim.registrations.services import name_key
from bilim.scheduling.models import Offering, Session
from bilim.scheduling.selectors import offering_list

from .models import Attendance

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


# Who runs check-in: the people who schedule a center's groups (center managers, regional
# coordinators, the national office, each within their scope) and the facilitators of a
# group, at that group's sessions only.
def checkin_sessions(*, user: User) -> QuerySet[Session]:
    """Return the sessions whose roster a staff member may open, with what a roster shows."""
    scope = scope_for(user)
    reach = Q(pk__in=[])
    if scope.can(Capability.MANAGE_SCHEDULE):
        reach |= Q(offering__in=offering_list(scope=scope).values("pk"))
    if scope.can(Capability.VIEW_OWN_SESSIONS):
        reach |= Q(offering__in=Offering.objects.filter(facilitators=user).values("pk"))
    return Session.objects.filter(reach).select_related(
        "offering__program", "offering__center", "room"
    )


def checkin_session_get(*, user: User, pk: int) -> Session:
    """Return one session a staff member may run; raises Session.DoesNotExist otherwise."""
    return checkin_sessions(user=user).get(pk=pk)


def sessions_on(*, user: User, day: datetime.date) -> QuerySet[Session]:
    """Return the sessions of a day a staff member may run, published groups only."""
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
    return (
        checkin_sessions(user=user)
        .filter(starts_at__gte=start, starts_at__lt=start + datetime.timedelta(days=1))
        .filter(offering__status=Offering.Status.PUBLISHED)
        .order_by("starts_at", "pk")
    )


def _search(query: str) -> Q:
    """Match a part of the name, or digits of the phone typed the local way (0555 12...)."""
    condition = Q(participant__name_key__contains=name_key(query))
    digits = re.sub(r"\D", "", query)
    if len(digits) >= 3:
        condition |= Q(participant__phone__contains=digits.lstrip("0"))
    return condition


def roster(*, session: Session, query: str = "") -> QuerySet[Registration]:
    """Return the confirmed people of the session's group by name, with their check-in time."""
    marks = Attendance.objects.filter(session=session, registration=OuterRef("pk"))
    registrations = (
        Registration.objects.filter(
            offering_id=session.offering_id, status=Registration.Status.CONFIRMED
        )
        .select_related("participant")
        .annotate(checked_in_at=Subquery(marks.values("marked_at")[:1]))
        .order_by("participant__name_key", "pk")
    )
    if query.strip():
        registrations = registrations.filter(_search(query.strip()))
    return registrations


def roster_registration_get(*, session: Session, pk: int) -> Registration:
    """Return a registration of the session's group; raises Registration.DoesNotExist."""
    return Registration.objects.select_related("participant", "offering__program").get(
        pk=pk, offering_id=session.offering_id
    )


def count_per_row(rows: QuerySet[Any], outer: str) -> Coalesce:
    """The number of `rows` per row of the outer query, as a subquery (0 when none)."""
    per_row = rows.order_by().values(outer).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(per_row, output_field=IntegerField()), 0)


def _roster_count_expressions() -> dict[str, Coalesce]:
    Status = Registration.Status
    group = Registration.objects.filter(offering=OuterRef("offering_id"))
    marks = Attendance.objects.filter(session=OuterRef("pk"), registration__status=Status.CONFIRMED)
    return {
        "registered": count_per_row(group.filter(status=Status.CONFIRMED), "offering"),
        "waiting": count_per_row(group.filter(status=Status.WAITLISTED), "offering"),
        "checked_in": count_per_row(marks, "session"),
    }


class RosterCounts(TypedDict):
    registered: int  # the confirmed people of the group
    waiting: int  # the people on the group's waitlist
    checked_in: int  # the confirmed people marked at this very session


def with_roster_counts(
    sessions: QuerySet[Session],
) -> "QuerySet[WithAnnotations[Session, RosterCounts]]":
    """Annotate sessions with what their roster counts (`RosterCounts`), in the same query."""
    annotated = sessions.annotate(**_roster_count_expressions())
    return cast("QuerySet[WithAnnotations[Session, RosterCounts]]", annotated)


def roster_counts(*, session: Session) -> dict[str, int]:
    """Return how many people are confirmed for the group and how many are checked in."""
    counted = with_roster_counts(Session.objects.filter(pk=session.pk)).get()
    return {"confirmed": counted.registered, "checked_in": counted.checked_in}


def session_has_started(session: Session, now: datetime.datetime | None = None) -> bool:
    return session.starts_at <= (now or timezone.now())


def held_sessions(*, offering_id: int, now: datetime.datetime | None = None) -> QuerySet[Session]:
    """Return the sessions of a group that count for attendance: not cancelled, started."""
    return Session.objects.filter(
        offering_id=offering_id,
        status=Session.Status.SCHEDULED,
        starts_at__lte=now or timezone.now(),
    )


def attendance_share(
    *, registration: Registration, now: datetime.datetime | None = None
) -> tuple[int, int]:
    """Return (sessions attended, sessions held) for a registration."""
    held = held_sessions(offering_id=registration.offering_id, now=now)
    attended = Attendance.objects.filter(registration=registration, session__in=held)
    return attended.count(), held.count()
