from django.utils.translation import gettext_lazy as _


class HelpdeskError(Exception):
    """A consultation breaks a rule; the message is for the staff member at the desk."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


NEEDS_AGENCY = _("Write which agency the person was sent to.")
NEEDS_REASON = _("Write why the question was not resolved.")
BAD_DURATION = _("The duration must be between 1 and 240 minutes.")
INACTIVE_CATEGORY = _("This service is no longer on the list: choose another.")
NO_AGREEMENT = _("Link the consultation to a participant only if the person agrees.")
