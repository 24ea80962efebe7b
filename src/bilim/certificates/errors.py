from django.utils.translation import gettext_lazy as _

from bilim.core.errors import BilimError, ErrorMessage


class CertificateError(BilimError):
    """A certificate rule was broken; the message is for the staff member acting."""


NOT_ENDED = ErrorMessage(
    "not_ended", _("Certificates are issued once the last session of the group has ended.")
)
NO_CERTIFICATE_RULE = ErrorMessage("no_certificate_rule", _("This program gives no certificate."))
OFFERING_NOT_PUBLISHED = ErrorMessage(
    "offering_not_published", _("Certificates are issued only for groups that took place.")
)
REASON_REQUIRED = ErrorMessage("reason_required", _("Say why the certificate is revoked."))
ALREADY_REVOKED = ErrorMessage("already_revoked", _("This certificate is already revoked."))
TOO_MANY_LOOKUPS = ErrorMessage(
    "too_many_lookups",
    _(
        "Too many certificates were checked from your connection in the last hour. "
        "What you typed is kept below: try again in an hour."
    ),
)
