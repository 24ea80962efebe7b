""" "Your certificate is ready", by SMS (and e-mail when given), in the person's language."""

from django.utils import translation
from django.utils.translation import gettext as _

from bilim.notifications.models import Message
from bilim.notifications.services import message_queue
from bilim.registrations.messages import personal_link

from .models import Certificate

KIND = "certificate-ready"


def tell_certificate_ready(certificate: Certificate) -> None:
    """Queue the news with the person's own link, where the certificate can be downloaded."""
    registration = certificate.registration
    participant = registration.participant
    center = registration.offering.center
    link = personal_link(registration)
    with translation.override(participant.language):
        text = _("Your certificate for %(title)s is ready: %(link)s") % {
            "title": registration.offering.program.title,
            "link": link,
        }
        subject = _("Your certificate is ready")
    key = f"{KIND}:certificate:{certificate.pk}"
    message_queue(
        channel=Message.Channel.SMS,
        recipient=participant.phone,
        body=text,
        kind=KIND,
        language=participant.language,
        center=center,
        dedupe_key=f"sms:{key}",
    )
    if participant.email:
        message_queue(
            channel=Message.Channel.EMAIL,
            recipient=participant.email,
            subject=subject,
            body=text,
            kind=KIND,
            language=participant.language,
            center=center,
            dedupe_key=f"email:{key}",
        )
