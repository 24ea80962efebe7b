"""Offerings and their sessions: create, add a series, move, cancel, publish a proposal."""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from django.db import transaction
from django.db.models import Max, Min
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bilim.accounts.models import User
from bilim.centers.models import Center, OpeningException, Room
from bilim.notifications.models import Message
from bilim.notifications.services import message_queue
from bilim.notifications.sms_fit import sms_fit, sms_when
from bilim.partners.models import Partner
from bilim.programs.models import Program

from ..errors import (
    ENDS_BEFORE_START,
    NO_DATES_IN_SERIES,
    OFFERING_CANCELLED,
    OFFLINE_NEEDS_CENTER,
    ONLINE_NEEDS_NO_ROOM,
    ROOM_OF_ANOTHER_CENTER,
    SESSION_CANCELLED,
    TOO_MANY_SESSIONS,
    SchedulingError,
)
from ..models import Offering, Session, local_datetime
from .occupancy import Slot, check_people_free, check_room_free, lock_calendars

MAX_SERIES_SESSIONS = 200


@dataclass(frozen=True)
class Series:
    """Sessions on given weekdays (0 = Monday) at one time of day, between two dates."""

    first_day: datetime.date
    last_day: datetime.date
    weekdays: frozenset[int]
    starts: datetime.time
    ends: datetime.time


@dataclass
class SeriesResult:
    sessions: list[Session] = field(default_factory=list)
    skipped: list[OpeningException] = field(default_factory=list)


class Change(StrEnum):
    SESSION_MOVED = "session_moved"
    SESSION_CANCELLED = "session_cancelled"
    OFFERING_CANCELLED = "offering_cancelled"


def _change_text(change: Change, offering: Offering, session: Session | None) -> str:
    values = {
        "title": offering.program.title,
        "place": offering.center.name if offering.center else _("online"),
        "when": sms_when(session.starts_at) if session else "",
    }
    if change == Change.SESSION_MOVED:
        template = _("%(title)s: the session is now on %(when)s, %(place)s.")
    elif change == Change.SESSION_CANCELLED:
        template = _("%(title)s: the session on %(when)s is cancelled.")
    else:
        template = _("%(title)s at %(place)s is cancelled. We are sorry.")
    return sms_fit(template, values, shorten=("title", "place"))


def participants_notify_change(
    *, offering_id: int, session_ids: Sequence[int], change: Change
) -> int:
    """Tell everyone registered for an offering (not cancelled) that its sessions changed.

    Runs inside the change's transaction: the outbox rows commit with it. Registrations
    are reached through the reverse relation, so scheduling never imports them.
    Returns the number of messages queued.
    """
    offering = Offering.objects.select_related("program", "center").get(pk=offering_id)
    sessions = list(Session.objects.filter(pk__in=session_ids).order_by("starts_at"))
    # One message per person for a whole offering; one per session otherwise.
    subjects: list[Session | None] = [None] if change == Change.OFFERING_CANCELLED else [*sessions]
    registrations = offering.registrations.exclude(status="cancelled").select_related("participant")
    queued = 0
    for registration in registrations:
        participant = registration.participant
        for session in subjects:
            with translation.override(participant.language):
                text = _change_text(change, offering, session)
            version = session.starts_at.isoformat() if session else ""
            subject = f"session:{session.pk}" if session else f"offering:{offering.pk}"
            message = message_queue(
                channel=Message.Channel.SMS,
                recipient=participant.phone,
                body=text,
                kind=str(change).replace("_", "-"),
                language=participant.language,
                center=offering.center,
                dedupe_key=f"{change}:{subject}:{version}:registration:{registration.pk}"[:120],
            )
            queued += message is not None
    return queued


def series_days(series: Series) -> list[datetime.date]:
    """Return the dates of a series, before any holiday is taken out."""
    days = []
    day = series.first_day
    while day <= series.last_day:
        if day.weekday() in series.weekdays:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def _refresh_span(offering: Offering) -> None:
    span = offering.sessions.filter(status=Session.Status.SCHEDULED).aggregate(
        first=Min("starts_at"), last=Max("ends_at")
    )
    offering.first_starts_at, offering.last_ends_at = span["first"], span["last"]
    offering.save(update_fields=["first_starts_at", "last_ends_at"])


def _check_room(offering: Offering, room: Room | None) -> None:
    if room is None:
        return
    if offering.format == Offering.Format.ONLINE:
        raise SchedulingError(ONLINE_NEEDS_NO_ROOM)
    if room.center_id != offering.center_id:
        raise SchedulingError(ROOM_OF_ANOTHER_CENTER)


def _check_free(
    offering: Offering, room: Room | None, slots: Sequence[Slot], except_sessions: Iterable[int]
) -> None:
    """Raise if any slot collides; only published offerings hold rooms and people."""
    if offering.status != Offering.Status.PUBLISHED:
        return
    except_ids = list(except_sessions)
    people = list(offering.facilitators.all())
    lock_calendars(room_ids=[room.pk] if room else [], user_ids=[p.pk for p in people])
    for slot in slots:
        if slot.ends_at <= slot.starts_at:
            raise SchedulingError(ENDS_BEFORE_START)
        if room is not None:
            check_room_free(room=room, slot=slot, except_sessions=except_ids)
        check_people_free(people=people, slot=slot, except_sessions=except_ids)


@transaction.atomic
def offering_create(
    *,
    program: Program,
    center: Center | None,
    format: str,
    language: str,
    capacity: int,
    registration_opens: datetime.datetime | None = None,
    registration_closes: datetime.datetime | None = None,
    offer_hold_hours: int = 12,
    facilitators: Iterable[User] = (),
    proposed_by: Partner | None = None,
    notes: dict[str, str] | None = None,
) -> Offering:
    """Create an offering; one proposed by a partner waits for the national office."""
    if format != Offering.Format.ONLINE and center is None:
        raise SchedulingError(OFFLINE_NEEDS_CENTER)
    offering = Offering(
        program=program,
        center=center if format != Offering.Format.ONLINE else None,
        format=format,
        language=language,
        capacity=capacity,
        registration_opens=registration_opens,
        registration_closes=registration_closes,
        offer_hold_hours=offer_hold_hours,
        proposed_by=proposed_by,
        status=Offering.Status.PROPOSED if proposed_by else Offering.Status.PUBLISHED,
    )
    for lang, text in (notes or {}).items():
        setattr(offering, f"note_{lang}", text)
    offering.full_clean()
    offering.save()
    offering.facilitators.set(list(facilitators))
    return offering


@transaction.atomic
def offering_add_series(
    *,
    offering: Offering,
    series: Series,
    room: Room | None = None,
    stream_url: str = "",
    open_to_everyone: bool = False,
) -> SeriesResult:
    """Add the series' sessions, skipping the center's closed days; all of them or none."""
    offering = Offering.objects.select_for_update().get(pk=offering.pk)
    if offering.status == Offering.Status.CANCELLED:
        raise SchedulingError(OFFERING_CANCELLED)
    _check_room(offering, room)
    if series.ends <= series.starts:
        raise SchedulingError(ENDS_BEFORE_START)
    days = series_days(series)
    closed = (
        {
            e.date: e
            for e in OpeningException.objects.filter(
                center_id=offering.center_id, closed=True, date__in=days
            )
        }
        if offering.center_id
        else {}
    )
    result = SeriesResult(skipped=[closed[d] for d in days if d in closed])
    days = [d for d in days if d not in closed]
    if not days:
        raise SchedulingError(NO_DATES_IN_SERIES)
    if len(days) > MAX_SERIES_SESSIONS:
        raise SchedulingError(TOO_MANY_SESSIONS, params={"max": MAX_SERIES_SESSIONS})
    slots = [Slot(local_datetime(d, series.starts), local_datetime(d, series.ends)) for d in days]
    _check_free(offering, room, slots, except_sessions=())
    result.sessions = Session.objects.bulk_create(
        Session(
            offering=offering,
            starts_at=slot.starts_at,
            ends_at=slot.ends_at,
            room=room,
            stream_url=stream_url,
            open_to_everyone=open_to_everyone,
        )
        for slot in slots
    )
    _refresh_span(offering)
    return result


@transaction.atomic
def session_move(
    *,
    session: Session,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    room: Room | None,
    stream_url: str | None = None,
) -> Session:
    """Move one session in time or to another room, if the new slot is free."""
    session = Session.objects.select_for_update().select_related("offering").get(pk=session.pk)
    if session.status == Session.Status.CANCELLED:
        raise SchedulingError(SESSION_CANCELLED)
    offering = session.offering
    if offering.status == Offering.Status.CANCELLED:
        raise SchedulingError(OFFERING_CANCELLED)
    _check_room(offering, room)
    _check_free(offering, room, [Slot(starts_at, ends_at)], except_sessions=[session.pk])
    session.starts_at, session.ends_at, session.room = starts_at, ends_at, room
    if stream_url is not None:
        session.stream_url = stream_url
    session.full_clean()
    session.save()
    _refresh_span(offering)
    participants_notify_change(
        offering_id=offering.pk, session_ids=[session.pk], change=Change.SESSION_MOVED
    )
    return session


@transaction.atomic
def session_cancel(*, session: Session, reason: str) -> Session:
    """Cancel one session; its room and facilitators are free again."""
    session = Session.objects.select_for_update().get(pk=session.pk)
    session.status = Session.Status.CANCELLED
    session.cancel_reason = reason.strip()
    session.save(update_fields=["status", "cancel_reason"])
    _refresh_span(session.offering)
    participants_notify_change(
        offering_id=session.offering_id, session_ids=[session.pk], change=Change.SESSION_CANCELLED
    )
    return session


@transaction.atomic
def offering_cancel(*, offering: Offering, reason: str) -> Offering:
    """Cancel the offering and every session that has not happened yet."""
    offering = Offering.objects.select_for_update().get(pk=offering.pk)
    offering.status = Offering.Status.CANCELLED
    offering.save(update_fields=["status"])
    upcoming = offering.sessions.filter(
        status=Session.Status.SCHEDULED, starts_at__gt=timezone.now()
    )
    session_ids = list(upcoming.values_list("pk", flat=True))
    upcoming.update(status=Session.Status.CANCELLED, cancel_reason=reason.strip())
    participants_notify_change(
        offering_id=offering.pk, session_ids=session_ids, change=Change.OFFERING_CANCELLED
    )
    return offering


@transaction.atomic
def offering_publish(*, offering: Offering) -> Offering:
    """Approve a partner's proposal: its sessions then take their rooms, if still free."""
    offering = Offering.objects.select_for_update().get(pk=offering.pk)
    if offering.status == Offering.Status.CANCELLED:
        raise SchedulingError(OFFERING_CANCELLED)
    offering.status = Offering.Status.PUBLISHED
    sessions = list(offering.sessions.filter(status=Session.Status.SCHEDULED))
    own = [s.pk for s in sessions]
    for session in sessions:
        _check_free(offering, session.room, [Slot(session.starts_at, session.ends_at)], own)
    offering.save(update_fields=["status"])
    return offering
