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
