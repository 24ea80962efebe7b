"""Community space bookings: a group asks for a room, the center decides, the group checks in.

An approval puts the booking on the room's calendar through the same occupancy check as
sessions, under the room's row lock. A booking nobody checks in for within
`CHECK_IN_GRACE` of its start stops holding the room at once (occupancy ignores it);
`bookings_release_unclaimed` then records it as released.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bilim.accounts.models import User
from bilim.centers.models import Center, OpeningException, Room
from bilim.notifications.models import Message
from bilim.notifications.services import message_queue
from bilim.notifications.sms_fit import sms_fit
from bilim.web.languages import LANGUAGES

from ..errors import (
    BOOKING_ALREADY_DECIDED,
    BOOKING_ALREADY_STARTED,
    BOOKING_CENTER_CLOSED_DAY,
    BOOKING_CENTER_NOT_OPEN,
    BOOKING_CHECK_IN_NOT_APPROVED,
    BOOKING_CHECK_IN_TOO_EARLY,
    BOOKING_CHECK_IN_TOO_LATE,
    BOOKING_DECLINE_NEEDS_REASON,
    BOOKING_ENDS_BEFORE_START,
    BOOKING_IN_PAST,
    BOOKING_NO_ROOMS,
    BOOKING_NOBODY_EXPECTED,
    BOOKING_TOO_MANY_FOR_CENTER,
    BOOKING_TOO_MANY_FOR_ROOM,
    ROOM_OF_ANOTHER_CENTER,
    SchedulingError,
)
from ..models import CHECK_IN_GRACE, SpaceBooking
from .occupancy import Slot, check_room_free, lock_calendars

Status = SpaceBooking.Status
# A group may be let in a little before its start.
CHECK_IN_OPENS = datetime.timedelta(hours=1)


def booking_problems(
    *,
    center: Center,
    starts_at: datetime.datetime | None,
    ends_at: datetime.datetime | None,
    expected_attendance: int | None,
    now: datetime.datetime | None = None,
) -> dict[str, SchedulingError]:
    """Return what is wrong with a request, by form field ("" for the whole form).

    The public form shows these beside the fields; `booking_request` refuses on the first.
    """
    now = now or timezone.now()
    problems: dict[str, SchedulingError] = {}
    if center.status != Center.Status.OPEN:
        problems[""] = SchedulingError(BOOKING_CENTER_NOT_OPEN)
    largest = Room.objects.filter(center=center).aggregate(m=Max("capacity"))["m"]
    if largest is None:
        problems[""] = SchedulingError(BOOKING_NO_ROOMS)
    if expected_attendance is not None:
        if expected_attendance < 1:
            problems["expected_attendance"] = SchedulingError(
                BOOKING_NOBODY_EXPECTED, field="expected_attendance"
            )
        elif largest is not None and expected_attendance > largest:
            problems["expected_attendance"] = SchedulingError(
                BOOKING_TOO_MANY_FOR_CENTER,
                params={"capacity": largest},
                field="expected_attendance",
            )
    if starts_at is not None:
        if starts_at <= now:
            problems["starts_at"] = SchedulingError(BOOKING_IN_PAST, field="starts_at")
        else:
            day = timezone.localtime(starts_at).date()
            closed = OpeningException.objects.filter(center=center, date=day, closed=True).first()
            if closed is not None:
                problems["starts_at"] = SchedulingError(
                    BOOKING_CENTER_CLOSED_DAY,
                    params={
                        "date": date_format(day, "SHORT_DATE_FORMAT"),
                        "reason": closed.reason or _("holiday"),
                    },
                    field="starts_at",
                )
        if ends_at is not None and ends_at <= starts_at:
            problems["ends_at"] = SchedulingError(BOOKING_ENDS_BEFORE_START, field="ends_at")
    return problems


@transaction.atomic
def booking_request(
    *,
    center: Center,
    purpose: str,
    title: str,
    expected_attendance: int,
    starts_at: datetime.datetime,
    ends_at: datetime.datetime,
    requester_name: str,
    phone: str,
    email: str = "",
    organisation: str = "",
    needs: str = "",
    description: str = "",
    publish: bool = False,
    language: str = "ky",
    now: datetime.datetime | None = None,
) -> SpaceBooking:
    """Store a request for a room of a center; it waits for the center's decision."""
    problems = booking_problems(
        center=center,
        starts_at=starts_at,
        ends_at=ends_at,
        expected_attendance=expected_attendance,
        now=now,
    )
    if problems:
        raise next(iter(problems.values()))
    booking = SpaceBooking(
        center=center,
        purpose=purpose,
        title=title.strip(),
        description=description.strip(),
        expected_attendance=expected_attendance,
        needs=needs.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        requester_name=requester_name.strip(),
        organisation=organisation.strip(),
        phone=phone.strip(),
        email=email.strip(),
        publish=publish,
        language=language if language in dict(LANGUAGES) else "ky",
    )
    booking.full_clean()
    booking.save()
    return booking


def _locked_pending(booking: SpaceBooking) -> SpaceBooking:
    booking = (
        SpaceBooking.objects.select_for_update(of=("self",))
        .select_related("center")
        .get(pk=booking.pk)
    )
    if booking.status != Status.PENDING:
        raise SchedulingError(
            BOOKING_ALREADY_DECIDED, params={"status": Status(booking.status).label}
        )
    return booking


@transaction.atomic
def booking_approve(
    *,
    booking: SpaceBooking,
    room: Room,
    decided_by: User,
    publish: bool = False,
    now: datetime.datetime | None = None,
) -> SpaceBooking:
    """Give a pending request a room, if the room is big enough and free; tell the requester.

    The room stays locked until commit, so no session or other booking can take the
    same time in between.
    """
    now = now or timezone.now()
    booking = _locked_pending(booking)
    if room.center_id != booking.center_id:
        raise SchedulingError(ROOM_OF_ANOTHER_CENTER)
    if booking.starts_at <= now:
        raise SchedulingError(BOOKING_ALREADY_STARTED)
    if booking.expected_attendance > room.capacity:
        raise SchedulingError(
            BOOKING_TOO_MANY_FOR_ROOM,
            params={
                "room": room.name,
                "capacity": room.capacity,
                "expected": booking.expected_attendance,
            },
        )
    lock_calendars(room_ids=[room.pk], user_ids=[])
    check_room_free(
        room=room, slot=Slot(booking.starts_at, booking.ends_at), except_booking=booking.pk
    )
    booking.room = room
    booking.publish = publish
    booking.status = Status.APPROVED
    booking.decided_by = decided_by
    booking.decided_at = now
    booking.decision_reason = ""
    booking.save(
        update_fields=["room", "publish", "status", "decided_by", "decided_at", "decision_reason"]
    )
    _tell_decision(booking)
    return booking


@transaction.atomic
def booking_decline(
    *,
    booking: SpaceBooking,
    reason: str,
    decided_by: User,
    now: datetime.datetime | None = None,
) -> SpaceBooking:
    """Decline a pending request with a reason, which the requester is told."""
    reason = reason.strip()
    if not reason:
        raise SchedulingError(BOOKING_DECLINE_NEEDS_REASON)
    booking = _locked_pending(booking)
    booking.status = Status.DECLINED
    booking.decision_reason = reason
    booking.decided_by = decided_by
    booking.decided_at = now or timezone.now()
    booking.save(update_fields=["status", "decision_reason", "decided_by", "decided_at"])
    _tell_decision(booking)
    return booking


@transaction.atomic
def booking_check_in(
    *, booking: SpaceBooking, now: datetime.datetime | None = None
) -> SpaceBooking:
    """Record that the group has arrived; the booking then holds its room to the end."""
    now = now or timezone.now()
    booking = SpaceBooking.objects.select_for_update().get(pk=booking.pk)
    if booking.checked_in_at is not None:
        return booking
    if booking.status != Status.APPROVED:
        raise SchedulingError(BOOKING_CHECK_IN_NOT_APPROVED)
    if now < booking.starts_at - CHECK_IN_OPENS:
        raise SchedulingError(BOOKING_CHECK_IN_TOO_EARLY)
    if not booking.holds_room(now):
        raise SchedulingError(BOOKING_CHECK_IN_TOO_LATE)
    booking.checked_in_at = now
    booking.save(update_fields=["checked_in_at"])
    return booking


@transaction.atomic
def bookings_release_unclaimed(*, now: datetime.datetime | None = None) -> int:
    """Mark as released the approved bookings nobody checked in for in time; return how many.

    Occupancy already ignores them; this records it, so lists and reports say so.
    Running it again changes nothing.
    """
    now = now or timezone.now()
    return SpaceBooking.objects.filter(
        status=Status.APPROVED,
        checked_in_at__isnull=True,
        starts_at__lte=now - CHECK_IN_GRACE,
    ).update(status=Status.RELEASED)


def _when(booking: SpaceBooking) -> str:
    start = timezone.localtime(booking.starts_at)
    end = timezone.localtime(booking.ends_at)
    return f"{date_format(start, 'SHORT_DATETIME_FORMAT')}–{date_format(end, 'TIME_FORMAT')}"


def _tell_decision(booking: SpaceBooking) -> None:
    """Queue the decision by SMS, and by e-mail when given, in the requester's language.

    Written to the outbox in this transaction; the outbox's task delivers after commit.
    """
    with translation.override(booking.language):
        values = {
            "title": booking.title,
            "center": booking.center.name,
            "room": booking.room.name if booking.room else "",
            "when": _when(booking),
            "reason": booking.decision_reason,
            "phone": booking.center.phone or settings.BILIM_CONTACT_PHONE,
        }
        if booking.status == Status.APPROVED:
            kind = "booking-approved"
            subject = _("Your room request is approved")
            template = _("Approved: “%(title)s”, %(center)s, %(room)s, %(when)s.")
            shorten = ("title", "center", "room")
            details = _(
                "Please come on time. If nobody from your group has checked in at the center "
                "within 30 minutes of the start, the room is given to others."
            )
        else:
            kind = "booking-declined"
            subject = _("Your room request is declined")
            template = _("Declined: “%(title)s”, %(center)s, %(when)s. Reason: %(reason)s")
            shorten = ("reason", "title", "center")
            details = _("You are welcome to ask for another day or another center.")
        greeting = _("Hello, %(name)s.") % {"name": booking.requester_name}
        contact = _("Questions: %(phone)s.") % values
    text = template % values
    key = f"{kind}:booking:{booking.pk}"
    message_queue(
        channel=Message.Channel.SMS,
        recipient=booking.phone,
        # The title and the reason are free text (up to 500 characters): cut to fit a phone.
        body=sms_fit(template, values, shorten=shorten),
        kind=kind,
        language=booking.language,
        center=booking.center,
        dedupe_key=f"sms:{key}",
    )
    if booking.email:
        message_queue(
            channel=Message.Channel.EMAIL,
            recipient=booking.email,
            subject=subject,
            body="\n\n".join([greeting, text, details, contact]),
            kind=kind,
            language=booking.language,
            center=booking.center,
            dedupe_key=f"email:{key}",
        )
