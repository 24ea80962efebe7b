from __future__ import annotations

from typing import TYPE_CHECKING, Unpack

from django.utils.translation import gettext_lazy as _

from bilim.core.errors import BilimError, ErrorMessage, ErrorOptions

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise as Text


class GuidesError(BilimError):
    """A guide breaks a rule; the message is for the national office's editor.

    `missing` names the fields (``title_ky``...) a guide lacks to be published.
    """

    def __init__(
        self,
        message: ErrorMessage | Text,
        *,
        missing: tuple[str, ...] = (),
        **options: Unpack[ErrorOptions],
    ) -> None:
        super().__init__(message, **options)
        self.missing = missing


SLUG_TAKEN = ErrorMessage(
    "slug_taken", _("Another guide already has this address: choose another.")
)
SLUG_RESERVED = ErrorMessage(
    "slug_reserved", _("This address is used by another page: choose another.")
)
NEEDS_TITLE = ErrorMessage("needs_title", _("Write a title in at least one language."))
CHECKED_IN_FUTURE = ErrorMessage("checked_in_future", _("The date cannot be in the future."))
NOT_PUBLISHABLE = ErrorMessage(
    "not_publishable", _("Write the Kyrgyz and Russian texts before publishing.")
)
INACTIVE_CATEGORY = ErrorMessage(
    "inactive_category", _("This service is no longer on the list: choose another.")
)

# One whole sentence per field, so that each language can word it naturally.
MISSING_FOR_PUBLISHING = {
    "title_ky": _("Write the title in Kyrgyz before publishing."),
    "summary_ky": _("Write the summary in Kyrgyz before publishing."),
    "body_ky": _("Write the steps in Kyrgyz before publishing."),
    "title_ru": _("Write the title in Russian before publishing."),
    "summary_ru": _("Write the summary in Russian before publishing."),
    "body_ru": _("Write the steps in Russian before publishing."),
}
