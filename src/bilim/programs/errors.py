from django.utils.translation import gettext_lazy as _


class ProgramsError(Exception):
    """A rule of the program catalog was broken; the message is for the person acting."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        # The form field the message belongs beside, if any.
        self.field = field


NOT_ALLOWED_TRANSITION = _("A program cannot go from “%(old)s” to “%(new)s”.")
NOT_A_PROPOSAL = _("This program is not a proposal waiting for a decision.")
NOT_YOUR_PROPOSAL = _("Only the partner that proposed this program may change the proposal.")
DECLINE_NEEDS_COMMENT = _("Say why the proposal is declined: the partner will read the comment.")
CODE_TAKEN = _("Another program already has this short code.")
CODE_RESERVED = _("This short code is reserved; choose another.")
AUDIENCE_EXISTS = _("This audience already exists.")
FILE_NEEDED = _("Choose the file to upload.")
ADDRESS_NEEDED = _("Enter the address of the video or page.")
NOT_PARTNERS_PROGRAM = _("Choose one of your organisation's published programs.")
