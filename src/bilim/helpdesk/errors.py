from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from bilim.core.errors import BilimError, ErrorMessage


class HelpdeskError(BilimError):
    """A consultation breaks a rule; the message is for the staff member at the desk."""


NEEDS_AGENCY = ErrorMessage("needs_agency", _("Write which agency the person was sent to."))
NEEDS_REASON = ErrorMessage("needs_reason", _("Write why the question was not resolved."))
BAD_DURATION = ErrorMessage("bad_duration", _("The duration must be between 1 and 240 minutes."))
INACTIVE_CATEGORY = ErrorMessage(
    "inactive_category", _("This service is no longer on the list: choose another.")
)
NO_AGREEMENT = ErrorMessage(
    "no_agreement", _("Link the consultation to a participant only if the person agrees.")
)
# Formatted with {"days": EDIT_DAYS}.
TOO_OLD_TO_CHANGE = ErrorMessage(
    "consultation_too_old",
    ngettext_lazy(
        "This consultation was logged more than %(days)d day ago. It is already counted in the"
        " reports, so it can no longer be changed or removed.",
        "This consultation was logged more than %(days)d days ago. It is already counted in the"
        " reports, so it can no longer be changed or removed.",
        "days",
    ),
)
GONE = ErrorMessage("consultation_gone", _("This consultation has already been removed."))
