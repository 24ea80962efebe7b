""" "Your certificate is ready", by SMS (and e-mail when given), in the person's language."""

from django.utils import translation
from django.utils.translation import gettext as _

from bilim.registrations.messages import personal_link, tell_participant

from .models import Certificate

KIND = "certificate-ready"


def tell_certificate_ready(certificate: Certificate) -> None:
    """Queue the news with the person's own link, where the certificate can be downloaded."""
    registration = certificate.registration
    link = personal_link(registration)
    with translation.override(registration.participant.language):
        text = _("Your certificate for %(title)s is ready: %(link)s") % {
            "title": registration.offering.program.title,
            "link": link,
        }
        subject = _("Your certificate is ready")
    tell_participant(
        registration,
        kind=KIND,
        key=f"{KIND}:certificate:{certificate.pk}",
        text=text,
        subject=subject,
    )
