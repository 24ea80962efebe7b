from django.utils.translation import gettext_lazy as _


class AttendanceError(Exception):
    """A check-in rule was broken; the message is for the staff member at the door."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


SESSION_CANCELLED = _("This session is cancelled: nobody can be checked in.")
NOT_STARTED = _("This session has not started yet: attendance is entered after it begins.")
WRONG_GROUP = _("This code belongs to another group: %(title)s.")
NOT_REGISTERED = _("Nobody is registered with this code. Check the digits, or register the person.")
UNREADABLE = _("Enter the 8 digits of the check-in code, or scan the QR code.")
WAITLISTED = _("%(name)s is on the waitlist, not confirmed: there is no place for them yet.")
OFFERED = _("%(name)s was offered a place but has not confirmed it yet.")
CANCELLED = _("%(name)s cancelled this registration.")
NOT_CONFIRMED = _("Only confirmed participants of this group can be marked.")
