from django.utils.translation import gettext_lazy as _

from bilim.core.errors import BilimError, ErrorMessage


class WalkinsError(BilimError):
    """A queue action breaks a rule; the message is for the staff member at the desk."""


CENTER_CLOSED = ErrorMessage("center_closed", _("This center is closed: it cannot take numbers."))
INACTIVE_CATEGORY = ErrorMessage(
    "inactive_category", _("This service is no longer on the list: choose another.")
)
TRY_AGAIN = ErrorMessage("try_again", _("The number could not be taken. Please try again."))
NOBODY_WAITING = ErrorMessage("nobody_waiting", _("Nobody is waiting."))
NO_DESK = ErrorMessage("no_desk", _("Enter your desk, for example 1."))
DESK_TOO_LONG = ErrorMessage("desk_too_long", _("A desk can have at most %(max)d characters."))
DESK_BUSY = ErrorMessage(
    "desk_busy", _("Desk %(desk)s is still serving number %(number)s: mark it first.")
)
DESK_JUST_CALLED = ErrorMessage(
    "desk_just_called", _("Desk %(desk)s has just called another number.")
)
OTHER_CENTER = ErrorMessage("other_center", _("This number belongs to another center."))
NOT_CALLED = ErrorMessage("not_called", _("Number %(number)s is not called at a desk now."))
NOT_WAITING = ErrorMessage("not_waiting", _("Number %(number)s is no longer waiting."))
BAD_OUTCOME = ErrorMessage("bad_outcome", _("Choose served or did not come."))
