from django.utils.translation import gettext_lazy as _


class CertificateError(Exception):
    """A certificate rule was broken; the message is for the staff member acting."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


NOT_ENDED = _("Certificates are issued once the last session of the group has ended.")
NO_CERTIFICATE_RULE = _("This program gives no certificate.")
OFFERING_NOT_PUBLISHED = _("Certificates are issued only for groups that took place.")
REASON_REQUIRED = _("Say why the certificate is revoked.")
ALREADY_REVOKED = _("This certificate is already revoked.")
TOO_MANY_LOOKUPS = _(
    "Too many certificates were checked from your connection in the last hour. "
    "What you typed is kept below: try again in an hour."
)
