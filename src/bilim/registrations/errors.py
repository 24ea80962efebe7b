from django.utils.translation import gettext_lazy as _


class RegistrationError(Exception):
    """A registration rule was broken; the message is for the person registering."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


REGISTRATION_CLOSED = _("Registration for this group is closed.")
TOO_YOUNG = _("This program is for people aged %(age)s and over.")
NOT_CANCELLABLE = _("This registration is already cancelled.")
NO_OFFER = _("There is no place waiting for you in this group any more.")
SAME_OFFERING = _("The person is already registered for this group: choose another one.")
ALREADY_THERE = _("The person already has a registration in that group.")
NOT_MOVABLE = _("This registration is cancelled: register the person again instead.")
NAME_TAKEN = _(
    "Someone else registered with this phone uses this name. "
    "Write your name so that it differs from theirs, or call us."
)
GROUP_ENDED = _("This group has ended: its registrations can no longer be cancelled.")
ATTENDED = _(
    "You have already attended this group, so the registration cannot be cancelled. "
    "If you cannot come any more, call the center."
)
HAS_CERTIFICATE = _("A certificate was issued for this registration: it cannot be cancelled.")
