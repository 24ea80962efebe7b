from django.utils.translation import gettext_lazy as _


class CentersError(Exception):
    """A rule of the centers domain was broken; the message is for the person acting."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


NOT_ALLOWED_TRANSITION = _("A center cannot go from “%(old)s” to “%(new)s”.")
