from django.utils.translation import gettext_lazy as _

from bilim.core.errors import BilimError, ErrorMessage


class ProgramsError(BilimError):
    """A rule of the program catalog was broken; the message is for the person acting."""


NOT_ALLOWED_TRANSITION = ErrorMessage(
    "program_status_not_allowed", _("A program cannot go from “%(old)s” to “%(new)s”.")
)
NOT_A_PROPOSAL = ErrorMessage(
    "not_a_proposal", _("This program is not a proposal waiting for a decision.")
)
NOT_YOUR_PROPOSAL = ErrorMessage(
    "not_your_proposal", _("Only the partner that proposed this program may change the proposal.")
)
DECLINE_NEEDS_COMMENT = ErrorMessage(
    "proposal_decline_needs_comment",
    _("Say why the proposal is declined: the partner will read the comment."),
)
CODE_TAKEN = ErrorMessage("code_taken", _("Another program already has this short code."))
CODE_RESERVED = ErrorMessage("code_reserved", _("This short code is reserved; choose another."))
AUDIENCE_EXISTS = ErrorMessage("audience_exists", _("This audience already exists."))
FILE_NEEDED = ErrorMessage("file_needed", _("Choose the file to upload."))
ADDRESS_NEEDED = ErrorMessage("address_needed", _("Enter the address of the video or page."))
NOT_PARTNERS_PROGRAM = ErrorMessage(
    "not_partners_program", _("Choose one of your organisation's published programs.")
)
