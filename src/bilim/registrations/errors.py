from django.utils.translation import gettext_lazy as _

from bilim.core.errors import BilimError, ErrorMessage


class RegistrationError(BilimError):
    """A registration rule was broken; the message is for the person registering."""


REGISTRATION_CLOSED = ErrorMessage(
    "registration_closed", _("Registration for this group is closed.")
)
TOO_YOUNG = ErrorMessage("too_young", _("This program is for people aged %(age)s and over."))
NOT_CANCELLABLE = ErrorMessage("not_cancellable", _("This registration is already cancelled."))
NO_OFFER = ErrorMessage("no_offer", _("There is no place waiting for you in this group any more."))
SAME_OFFERING = ErrorMessage(
    "same_offering", _("The person is already registered for this group: choose another one.")
)
ALREADY_THERE = ErrorMessage(
    "already_in_group", _("The person already has a registration in that group.")
)
NOT_MOVABLE = ErrorMessage(
    "not_movable", _("This registration is cancelled: register the person again instead.")
)
NAME_TAKEN = ErrorMessage(
    "name_taken",
    _(
        "Someone else registered with this phone uses this name. "
        "Write your name so that it differs from theirs, or call us."
    ),
)
GROUP_ENDED = ErrorMessage(
    "group_ended", _("This group has ended: its registrations can no longer be cancelled.")
)
ATTENDED = ErrorMessage(
    "already_attended",
    _(
        "You have already attended this group, so the registration cannot be cancelled. "
        "If you cannot come any more, call the center."
    ),
)
HAS_CERTIFICATE = ErrorMessage(
    "has_certificate", _("A certificate was issued for this registration: it cannot be cancelled.")
)
