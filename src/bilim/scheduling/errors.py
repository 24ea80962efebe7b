from django.utils.translation import gettext_lazy as _


class SchedulingError(Exception):
    """A scheduling rule was broken; the message is for the person acting."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


ROOM_TAKEN = _("The room “%(room)s” is already taken from %(start)s to %(end)s.")
FACILITATOR_TAKEN = _("%(person)s already leads another session from %(start)s to %(end)s.")
ENDS_BEFORE_START = _("A session must end after it starts.")
ROOM_OF_ANOTHER_CENTER = _("The room belongs to another center.")
ONLINE_NEEDS_NO_ROOM = _("An online offering takes place without a room.")
OFFLINE_NEEDS_CENTER = _("An offering at a center needs the center.")
NO_DATES_IN_SERIES = _("The series has no dates: check the weekdays and the period.")
TOO_MANY_SESSIONS = _("A series may have at most %(max)s sessions.")
OFFERING_CANCELLED = _("This offering is cancelled; it cannot be changed.")
SESSION_CANCELLED = _("This session is cancelled; it cannot be moved.")

# Community space bookings.
BOOKING_CENTER_NOT_OPEN = _("This center does not take requests for its rooms now.")
BOOKING_NO_ROOMS = _("This center has no rooms to lend yet.")
BOOKING_IN_PAST = _("This time has already passed: choose a later date or time.")
BOOKING_ENDS_BEFORE_START = _("The event must end after it starts.")
BOOKING_NOBODY_EXPECTED = _("Enter how many people will come: at least 1.")
BOOKING_TOO_MANY_FOR_CENTER = _(
    "The largest room of this center has %(capacity)s seats: invite fewer people "
    "or ask another center."
)
BOOKING_CENTER_CLOSED_DAY = _("The center is closed on %(date)s (%(reason)s).")
BOOKING_TOO_MANY_FOR_ROOM = _(
    "The room “%(room)s” has %(capacity)s seats, and %(expected)s people are expected: "
    "choose a larger room."
)
BOOKING_ALREADY_DECIDED = _("This request was already decided: it is “%(status)s”.")
BOOKING_ALREADY_STARTED = _("The event has already started: it can no longer be approved.")
BOOKING_DECLINE_NEEDS_REASON = _(
    "Say why the request is declined: the reason is sent to the person who asked."
)
BOOKING_CHECK_IN_NOT_APPROVED = _("Only an approved booking can be checked in.")
BOOKING_CHECK_IN_TOO_EARLY = _("A group can be checked in from one hour before its start.")
BOOKING_CHECK_IN_TOO_LATE = _(
    "Nobody checked in within 30 minutes of the start, so the room was released."
)
