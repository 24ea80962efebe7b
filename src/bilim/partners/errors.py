from django.utils.translation import gettext_lazy as _

from bilim.core.errors import BilimError, ErrorMessage


class PartnersError(BilimError):
    """A rule of the partners domain was broken; the message is for the person acting."""


NOT_ALLOWED_TRANSITION = ErrorMessage(
    "application_status_not_allowed", _("An application cannot go from “%(old)s” to “%(new)s”.")
)
DECLINE_NEEDS_COMMENT = ErrorMessage(
    "application_decline_needs_comment",
    _("Say why the application is declined: the comment is kept with it."),
)
EMPTY_COMMENT = ErrorMessage("application_empty_comment", _("Write a comment first."))
