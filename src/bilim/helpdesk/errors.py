from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy


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
# Formatted with {"days": EDIT_DAYS}.
TOO_OLD_TO_CHANGE = ngettext_lazy(
    "This consultation was logged more than %(days)d day ago. It is already counted in the"
    " reports, so it can no longer be changed or removed.",
    "This consultation was logged more than %(days)d days ago. It is already counted in the"
    " reports, so it can no longer be changed or removed.",
    "days",
)
GONE = _("This consultation has already been removed.")
