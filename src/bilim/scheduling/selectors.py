"""Reads of offerings, sessions and calendars, scoped for staff and public for feeds."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from bilim.accounts.models import Role, User
from bilim.accounts.selectors import Capability, Scope
from bilim.centers.models import Center, OpeningException, Room
from bilim.geography.models import Region

from .models import Offering, Session, SpaceBooking

OFFERING_SCOPE = {"region": "center__district__region", "center": "center"}
# How far back the feeds reach; calendar apps keep what they already fetched.
FEED_PAST = datetime.timedelta(days=90)


def offering_list(*, scope: Scope) -> QuerySet[Offering]:
    """Return the offerings a staff member schedules, newest first, with session counts.

    Online offerings have no center, so only the network-wide roles reach them.
    """
    if not scope.can(Capability.MANAGE_SCHEDULE):
        return Offering.objects.none()
    qs = Offering.objects.select_related("program", "center").annotate(
        session_count=Count(
            "sessions", filter=Q(sessions__status=Session.Status.SCHEDULED), distinct=True
        )
    )
    return scope.filter(qs, **OFFERING_SCOPE).order_by("-created_at", "-pk")


def offering_get(*, scope: Scope, pk: int) -> Offering:
    """Return one offering in scope; raises Offering.DoesNotExist outside it."""
    return offering_list(scope=scope).prefetch_related("facilitators").get(pk=pk)


def offering_sessions(*, offering: Offering) -> QuerySet[Session]:
    """Return an offering's sessions, cancelled ones included, with their rooms."""
    return offering.sessions.select_related("room").order_by("starts_at", "pk")


def session_get(*, scope: Scope, pk: int) -> Session:
    """Return one session of an offering in scope; raises Session.DoesNotExist outside it."""
    offerings = offering_list(scope=scope).values("pk")
    return Session.objects.select_related("offering__program", "offering__center", "room").get(
        pk=pk, offering__in=offerings
    )


def schedule_center_choices(*, scope: Scope) -> QuerySet[Center]:
    """Return the centers where a staff member may schedule, not the closed ones."""
    centers = Center.objects.exclude(status=Center.Status.CLOSED).select_related("district")
    return scope.filter(centers, region="district__region", center="pk").order_by("code")


def room_choices(*, center: Center | None) -> QuerySet[Room]:
    """Return a center's rooms, or none for an online offering."""
    if center is None:
        return Room.objects.none()
    return Room.objects.filter(center=center).order_by("name")


def facilitator_choices(*, scope: Scope) -> QuerySet[User]:
    """Return the people with the facilitator role a staff member may put on an offering.

    A facilitator attached to a center belongs to that center's region; one attached to
    no center works anywhere.
    """
    facilitator = Q(role_assignments__role=Role.FACILITATOR)
    users = User.objects.filter(facilitator, is_active=True)
    if not scope.network_wide:
        users = users.filter(
            Q(role_assignments__center__isnull=True)
            | Q(role_assignments__center__in=list(scope.center_ids))
            | Q(role_assignments__center__district__region__in=list(scope.region_ids)),
            facilitator,
        )
    return users.distinct().order_by("last_name", "first_name", "username")


def region_choices(*, scope: Scope) -> QuerySet[Region]:
    """Return the regions whose calendar a staff member may open."""
    if scope.network_wide:
        return Region.objects.order_by("code")
    return Region.objects.filter(pk__in=list(scope.region_ids)).order_by("code")


# Calendars -----------------------------------------------------------------------------


def week_start(day: datetime.date) -> datetime.date:
    """Return the Monday of the week that holds `day`."""
    return day - datetime.timedelta(days=day.weekday())


def _week_bounds(monday: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time()))
    end = timezone.make_aware(
        datetime.datetime.combine(monday + datetime.timedelta(days=7), datetime.time())
    )
    return start, end


@dataclass
class Entry:
    """One thing on a calendar: a session or an approved booking."""

    kind: str  # "session" or "booking"
    pk: int
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    center: Center | None
    room: Room | None
    cancelled: bool = False
    cancel_reason: str = ""
    stream_url: str = ""
    offering_id: int | None = None

    @property
    def room_pk(self) -> int | None:
        return self.room.pk if self.room else None


@dataclass
class Day:
    date: datetime.date
    closed: OpeningException | None = None
    entries: list[Entry] = field(default_factory=list)
    # For the center calendar: the entries per room, in the order of `Week.rooms`.
    cells: list[list[Entry]] = field(default_factory=list)


@dataclass
class Week:
    monday: datetime.date
    days: list[Day]
    rooms: list[Room | None] = field(default_factory=list)

    @property
    def previous(self) -> datetime.date:
        return self.monday - datetime.timedelta(days=7)

    @property
    def next(self) -> datetime.date:
        return self.monday + datetime.timedelta(days=7)

    @property
    def sunday(self) -> datetime.date:
        return self.monday + datetime.timedelta(days=6)

    @property
    def is_empty(self) -> bool:
        return not any(day.entries for day in self.days)


def _calendar_sessions() -> QuerySet[Session]:
    # A partner's proposal holds no room until it is published: not on the calendars yet.
    return (
        Session.objects.exclude(offering__status=Offering.Status.PROPOSED)
        .select_related("offering__program", "offering__center", "room")
        .order_by("starts_at", "pk")
    )


def _session_entry(session: Session) -> Entry:
    return Entry(
        kind="session",
        pk=session.pk,
        title=session.offering.program.title,
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        center=session.offering.center,
        room=session.room,
        cancelled=session.status == Session.Status.CANCELLED,
        cancel_reason=session.cancel_reason,
        stream_url=session.stream_url,
        offering_id=session.offering_id,
    )


def _booking_entry(booking: SpaceBooking) -> Entry:
    return Entry(
        kind="booking",
        pk=booking.pk,
        title=booking.title,
        starts_at=booking.starts_at,
        ends_at=booking.ends_at,
        center=booking.center,
        room=booking.room,
    )


def _week(
    monday: datetime.date, entries: list[Entry], closed: dict[datetime.date, OpeningException]
) -> Week:
    by_day: dict[datetime.date, list[Entry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: (e.starts_at, e.kind, e.pk)):
        by_day[timezone.localtime(entry.starts_at).date()].append(entry)
    days = [
        Day(date=d, closed=closed.get(d), entries=by_day[d])
        for d in (monday + datetime.timedelta(days=i) for i in range(7))
    ]
    return Week(monday=monday, days=days)


def center_week(*, center: Center, monday: datetime.date) -> Week:
    """Return a center's week: sessions and approved bookings per day and per room.

    The last column, "no room", holds the sessions that take place online only or
    whose room is not chosen yet.
    """
    start, end = _week_bounds(monday)
    in_week = Q(starts_at__lt=end, ends_at__gt=start)
    sessions = _calendar_sessions().filter(in_week, offering__center=center)
    bookings = SpaceBooking.objects.filter(
        in_week, center=center, status=SpaceBooking.Status.APPROVED
    ).select_related("center", "room")
    closed = {
        e.date: e
        for e in OpeningException.objects.filter(
            center=center, closed=True, date__gte=monday, date__lt=monday + datetime.timedelta(7)
        )
    }
    entries = [_session_entry(s) for s in sessions] + [_booking_entry(b) for b in bookings]
    week = _week(monday, entries, closed)
    rooms: list[Room | None] = list(Room.objects.filter(center=center).order_by("name"))
    if any(e.room is None for e in entries):
        rooms.append(None)
    week.rooms = rooms
    room_ids = [r.pk if r else None for r in rooms]
    for day in week.days:
        day.cells = [[e for e in day.entries if e.room_pk == rid] for rid in room_ids]
    return week


def region_week(*, region: Region, monday: datetime.date) -> Week:
    """Return the week of every center in a region, as one list per day."""
    start, end = _week_bounds(monday)
    in_week = Q(starts_at__lt=end, ends_at__gt=start)
    sessions = _calendar_sessions().filter(in_week, offering__center__district__region=region)
    bookings = SpaceBooking.objects.filter(
        in_week, center__district__region=region, status=SpaceBooking.Status.APPROVED
    ).select_related("center", "room")
    entries = [_session_entry(s) for s in sessions] + [_booking_entry(b) for b in bookings]
    return _week(monday, entries, {})


def facilitator_week(*, user: User, monday: datetime.date) -> Week:
    """Return the sessions a person leads in a week."""
    start, end = _week_bounds(monday)
    sessions = _calendar_sessions().filter(
        starts_at__lt=end, ends_at__gt=start, offering__facilitators=user
    )
    return _week(monday, [_session_entry(s) for s in sessions], {})


def facilitator_get(*, scope: Scope, pk: int) -> User:
    """Return a facilitator a staff member schedules; raises User.DoesNotExist outside it."""
    if not scope.can(Capability.MANAGE_SCHEDULE):
        raise User.DoesNotExist
    return facilitator_choices(scope=scope).get(pk=pk)


# Feeds (no sign-in: only what the public catalog shows, plus a person's own sessions) ---


def _feed_sessions() -> QuerySet[Session]:
    since = timezone.now() - FEED_PAST
    return _calendar_sessions().filter(ends_at__gte=since)


def center_feed_sessions(*, center: Center) -> QuerySet[Session]:
    """Return a center's recent and coming sessions, cancelled ones included."""
    return _feed_sessions().filter(offering__center=center)


def offering_feed_sessions(*, offering: Offering) -> QuerySet[Session]:
    """Return an offering's recent and coming sessions, cancelled ones included."""
    return _feed_sessions().filter(offering=offering)


def facilitator_feed_sessions(*, user: User) -> QuerySet[Session]:
    """Return the recent and coming sessions a person leads."""
    return _feed_sessions().filter(offering__facilitators=user).distinct()


def feed_center_get(*, code: str) -> Center:
    """Return a center whose feed is public (open or suspended); raises Center.DoesNotExist."""
    public = [Center.Status.OPEN, Center.Status.SUSPENDED]
    return Center.objects.filter(status__in=public).get(code=code)


def feed_offering_get(*, pk: int) -> Offering:
    """Return an offering whose feed is public; raises Offering.DoesNotExist."""
    return (
        Offering.objects.exclude(status=Offering.Status.PROPOSED)
        .select_related("program", "center")
        .get(pk=pk)
    )
