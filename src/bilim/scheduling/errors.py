from django.utils.translation import gettext_lazy as _

from bilim.core.errors import BilimError, ErrorMessage


class SchedulingError(BilimError):
    """A scheduling rule was broken; the message is for the person acting."""


ROOM_TAKEN = ErrorMessage(
    "room_taken", _("The room “%(room)s” is already taken from %(start)s to %(end)s.")
)
FACILITATOR_TAKEN = ErrorMessage(
    "facilitator_taken", _("%(person)s already leads another session from %(start)s to %(end)s.")
)
ENDS_BEFORE_START = ErrorMessage("ends_before_start", _("A session must end after it starts."))
ROOM_OF_ANOTHER_CENTER = ErrorMessage(
    "room_of_another_center", _("The room belongs to another center.")
)
ONLINE_NEEDS_NO_ROOM = ErrorMessage(
    "online_needs_no_room", _("An online offering takes place without a room.")
)
OFFLINE_NEEDS_CENTER = ErrorMessage(
    "offline_needs_center", _("An offering at a center needs the center.")
)
NO_DATES_IN_SERIES = ErrorMessage(
    "no_dates_in_series", _("The series has no dates: check the weekdays and the period.")
)
TOO_MANY_SESSIONS = ErrorMessage(
    "too_many_sessions", _("A series may have at most %(max)s sessions.")
)
OFFERING_CANCELLED = ErrorMessage(
    "offering_cancelled", _("This offering is cancelled; it cannot be changed.")
)
SESSION_CANCELLED = ErrorMessage(
    "session_cancelled", _("This session is cancelled; it cannot be moved.")
)

# Community space bookings.
BOOKING_CENTER_NOT_OPEN = ErrorMessage(
    "booking_center_not_open", _("This center does not take requests for its rooms now.")
)
BOOKING_NO_ROOMS = ErrorMessage("booking_no_rooms", _("This center has no rooms to lend yet."))
BOOKING_IN_PAST = ErrorMessage(
    "booking_in_past", _("This time has already passed: choose a later date or time.")
)
BOOKING_ENDS_BEFORE_START = ErrorMessage(
    "booking_ends_before_start", _("The event must end after it starts.")
)
BOOKING_NOBODY_EXPECTED = ErrorMessage(
    "booking_nobody_expected", _("Enter how many people will come: at least 1.")
)
BOOKING_TOO_MANY_FOR_CENTER = ErrorMessage(
    "booking_too_many_for_center",
    _(
        "The largest room of this center has %(capacity)s seats: invite fewer people "
        "or ask another center."
    ),
)
BOOKING_CENTER_CLOSED_DAY = ErrorMessage(
    "booking_center_closed_day", _("The center is closed on %(date)s (%(reason)s).")
)
BOOKING_TOO_MANY_FOR_ROOM = ErrorMessage(
    "booking_too_many_for_room",
    _(
        "The room “%(room)s” has %(capacity)s seats, and %(expected)s people are expected: "
        "choose a larger room."
    ),
)
BOOKING_ALREADY_DECIDED = ErrorMessage(
    "booking_already_decided", _("This request was already decided: it is “%(status)s”.")
)
BOOKING_ALREADY_STARTED = ErrorMessage(
    "booking_already_started", _("The event has already started: it can no longer be approved.")
)
BOOKING_DECLINE_NEEDS_REASON = ErrorMessage(
    "booking_decline_needs_reason",
    _("Say why the request is declined: the reason is sent to the person who asked."),
)
BOOKING_CHECK_IN_NOT_APPROVED = ErrorMessage(
    "booking_check_in_not_approved", _("Only an approved booking can be checked in.")
)
BOOKING_CHECK_IN_TOO_EARLY = ErrorMessage(
    "booking_check_in_too_early", _("A group can be checked in from one hour before its start.")
)
BOOKING_CHECK_IN_TOO_LATE = ErrorMessage(
    "booking_check_in_too_late",
    _("Nobody checked in within 30 minutes of the start, so the room was released."),
)
