""" "Your certificate is ready", by SMS (and e-mail when given), in the person's language."""

from django.utils import translation
from django.utils.translation import gettext as _

from bilim.notifications.sms_fit import sms_fit
from bilim.registrations.messages import personal_link, short_link, tell_participant

from .models import Certificate

KIND = "certificate-ready"


def tell_certificate_ready(certificate: Certificate) -> None:
    """Queue the news with the person's own link, where the certificate can be downloaded."""
    registration = certificate.registration
    with translation.override(registration.participant.language):
        template = _("Your certificate for %(title)s is ready: %(link)s")
        title = registration.offering.program.title
        subject = _("Your certificate is ready")
    tell_participant(
        registration,
        kind=KIND,
        key=f"{KIND}:certificate:{certificate.pk}",
        text=sms_fit(template, {"title": title, "link": short_link(registration)}),
        subject=subject,
        email_text=template % {"title": title, "link": personal_link(registration)},
    )
