from django.utils.translation import gettext_lazy as _

from bilim.core.errors import BilimError, ErrorMessage


class AttendanceError(BilimError):
    """A check-in rule was broken; the message is for the staff member at the door."""


SESSION_CANCELLED = ErrorMessage(
    "checkin_session_cancelled", _("This session is cancelled: nobody can be checked in.")
)
NOT_STARTED = ErrorMessage(
    "not_started", _("This session has not started yet: attendance is entered after it begins.")
)
WRONG_GROUP = ErrorMessage("wrong_group", _("This code belongs to another group: %(title)s."))
NOT_REGISTERED = ErrorMessage(
    "not_registered",
    _("Nobody is registered with this code. Check the digits, or register the person."),
)
UNREADABLE = ErrorMessage(
    "checkin_code_unreadable", _("Enter the 8 digits of the check-in code, or scan the QR code.")
)
WAITLISTED = ErrorMessage(
    "waitlisted", _("%(name)s is on the waitlist, not confirmed: there is no place for them yet.")
)
OFFERED = ErrorMessage(
    "offered_not_confirmed", _("%(name)s was offered a place but has not confirmed it yet.")
)
CANCELLED = ErrorMessage("registration_cancelled", _("%(name)s cancelled this registration."))
NOT_CONFIRMED = ErrorMessage(
    "not_confirmed", _("Only confirmed participants of this group can be marked.")
)
