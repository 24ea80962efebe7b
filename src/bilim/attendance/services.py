"""Check people in at a session, undo a mistake, register walk-ins, enter attendance later.

Only confirmed registrations of the session's own group are ever marked; a person on
the waitlist has no place, so checking them in would put the group over its capacity.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from bilim.accounts.models import User
from bilim.core.errors import ErrorMessage
from bilim.registrations.models import Registration
from bilim.registrations.services import Person, registration_create
from bilim.scheduling.models import Session

from .errors import (
    CANCELLED,
    NOT_CONFIRMED,
    NOT_REGISTERED,
    NOT_STARTED,
    OFFERED,
    SESSION_CANCELLED,
    UNREADABLE,
    WAITLISTED,
    WRONG_GROUP,
    AttendanceError,
)
from .models import Attendance

Status = Registration.Status
Method = Attendance.Method

# A personal link, as the QR code on a person's page encodes it: <site>/<lang>/my/<token>/.
PERSONAL_LINK = re.compile(r"/my/(?P<token>[A-Za-z0-9_-]{16,40})/?(?:[?#].*)?$")
SHORT_CODE = re.compile(r"\d{8}")


@dataclass(frozen=True)
class Marked:
    attendance: Attendance
    created: bool  # False: the person was already checked in


@dataclass(frozen=True)
class WalkIn:
    registration: Registration
    marked: Marked | None  # None: the group is full, the person waits and is not checked in
    position: int | None = None


def _refuse_cancelled(session: Session) -> None:
    if session.status == Session.Status.CANCELLED:
        raise AttendanceError(SESSION_CANCELLED)


def _check_markable(session: Session, registration: Registration) -> None:
    _refuse_cancelled(session)
    if registration.offering_id != session.offering_id:
        raise AttendanceError(WRONG_GROUP, params={"title": registration.offering.program.title})
    refusals: dict[str, ErrorMessage] = {
        Status.WAITLISTED: WAITLISTED,
        Status.OFFERED: OFFERED,
        Status.CANCELLED: CANCELLED,
    }
    if registration.status in refusals:
        raise AttendanceError(
            refusals[registration.status], params={"name": registration.participant}
        )


@transaction.atomic
def attendance_mark(
    *, session: Session, registration: Registration, method: str, marked_by: User | None
) -> Marked:
    """Check a confirmed person in; marking them again changes nothing and says so."""
    _check_markable(session, registration)
    existing = Attendance.objects.filter(session=session, registration=registration).first()
    if existing is not None:
        return Marked(existing, created=False)
    try:
        with transaction.atomic():
            attendance = Attendance.objects.create(
                session=session, registration=registration, method=method, marked_by=marked_by
            )
    except IntegrityError:
        # Two devices at the door scanned the same code at the same moment.
        return Marked(Attendance.objects.get(session=session, registration=registration), False)
    return Marked(attendance, created=True)


@transaction.atomic
def attendance_undo(*, session: Session, registration: Registration) -> bool:
    """Take back a mistaken check-in; False when the person was not checked in."""
    deleted, _ = Attendance.objects.filter(session=session, registration=registration).delete()
    return bool(deleted)


def _registration_for(code: str) -> tuple[Registration, str]:
    """The registration a typed code or a scanned personal link points to, and how."""
    text = code.strip()
    link = PERSONAL_LINK.search(text)
    if link:
        lookup, method = {"token": link["token"]}, Method.QR
    else:
        digits = re.sub(r"[\s\-.]", "", text)
        if not SHORT_CODE.fullmatch(digits):
            raise AttendanceError(UNREADABLE)
        lookup, method = {"short_code": digits}, Method.CODE
    registration = (
        Registration.objects.select_related("participant", "offering__program")
        .filter(**lookup)
        .first()
    )
    if registration is None:
        raise AttendanceError(NOT_REGISTERED)
    return registration, method


def checkin_by_code(*, session: Session, code: str, marked_by: User | None) -> Marked:
    """Check in by the 8-digit code (spaces and dashes ignored) or a scanned personal link."""
    registration, method = _registration_for(code)
    return attendance_mark(
        session=session, registration=registration, method=method, marked_by=marked_by
    )


@transaction.atomic
def walk_in_register(*, session: Session, person: Person, marked_by: User | None) -> WalkIn:
    """Register someone who came without registering, and check them in if a place is free.

    When the group is full they join the waitlist like anyone else and are not checked in.
    """
    _refuse_cancelled(session)
    outcome = registration_create(
        offering=session.offering,
        person=person,
        channel=Registration.Channel.WALK_IN,
        entered_by=marked_by,
    )
    registration = outcome.registration
    if registration.status != Status.CONFIRMED:
        return WalkIn(registration, marked=None, position=outcome.position)
    marked = attendance_mark(
        session=session, registration=registration, method=Method.WALK_IN, marked_by=marked_by
    )
    return WalkIn(registration, marked=marked)


@dataclass(frozen=True)
class Recorded:
    added: int
    removed: int


@transaction.atomic
def attendance_record(
    *,
    session: Session,
    present_registration_ids: Iterable[int],
    marked_by: User | None,
    now: datetime.datetime | None = None,
) -> Recorded:
    """Set who of the confirmed participants attended a session that has started.

    Marks the ones present who were not marked and removes the others' marks; the mark
    of someone whose registration was cancelled since is history and is left alone.
    """
    _refuse_cancelled(session)
    if session.starts_at > (now or timezone.now()):
        raise AttendanceError(NOT_STARTED)
    confirmed = set(
        Registration.objects.filter(
            offering_id=session.offering_id, status=Status.CONFIRMED
        ).values_list("pk", flat=True)
    )
    present = set(present_registration_ids)
    if not present <= confirmed:
        raise AttendanceError(NOT_CONFIRMED)
    marks = Attendance.objects.filter(session=session, registration_id__in=confirmed)
    already = set(marks.values_list("registration_id", flat=True))
    removed, _ = marks.exclude(registration_id__in=present).delete()
    Attendance.objects.bulk_create(
        [
            Attendance(
                session=session, registration_id=pk, method=Method.AFTERWARDS, marked_by=marked_by
            )
            for pk in sorted(present - already)
        ]
    )
    return Recorded(added=len(present - already), removed=removed)
