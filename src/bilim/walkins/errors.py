from django.utils.translation import gettext_lazy as _


class WalkinsError(Exception):
    """A queue action breaks a rule; the message is for the staff member at the desk."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


CENTER_CLOSED = _("This center is closed: it cannot take numbers.")
INACTIVE_CATEGORY = _("This service is no longer on the list: choose another.")
TRY_AGAIN = _("The number could not be taken. Please try again.")
NOBODY_WAITING = _("Nobody is waiting.")
NO_DESK = _("Enter your desk, for example 1.")
DESK_TOO_LONG = _("A desk can have at most %(max)d characters.")
DESK_BUSY = _("Desk %(desk)s is still serving number %(number)s: mark it first.")
DESK_JUST_CALLED = _("Desk %(desk)s has just called another number.")
OTHER_CENTER = _("This number belongs to another center.")
NOT_CALLED = _("Number %(number)s is not called at a desk now.")
NOT_WAITING = _("Number %(number)s is no longer waiting.")
BAD_OUTCOME = _("Choose served or did not come.")
