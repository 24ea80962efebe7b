from django.utils.translation import gettext_lazy as _


class PartnersError(Exception):
    """A rule of the partners domain was broken; the message is for the person acting."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        # The form field the message belongs beside, if any.
        self.field = field


NOT_ALLOWED_TRANSITION = _("An application cannot go from “%(old)s” to “%(new)s”.")
DECLINE_NEEDS_COMMENT = _("Say why the application is declined: the comment is kept with it.")
EMPTY_COMMENT = _("Write a comment first.")
