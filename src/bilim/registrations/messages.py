"""What a participant is told, in their language; short enough for one SMS where possible."""

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bilim.notifications.models import Message
from bilim.notifications.services import message_queue

from .models import Registration


def personal_link(registration: Registration) -> str:
    """The address of the person's own page for this registration."""
    with translation.override(registration.participant.language):
        path = reverse("registrations:mine", args=[registration.token])
    return f"{settings.BILIM_SITE_URL}{path}"


def check_in_code(registration: Registration) -> str:
    """The eight-digit check-in code in two groups, easy to read out: "1234 5678"."""
    code = registration.short_code
    return f"{code[:4]} {code[4:]}"


def _first_session(registration: Registration) -> str:
    starts = registration.offering.first_starts_at
    return date_format(timezone.localtime(starts), "SHORT_DATETIME_FORMAT") if starts else ""


def _queue(registration: Registration, kind: str, text: str, subject: str) -> list[Message]:
    link = personal_link(registration)
    with translation.override(registration.participant.language):
        how = _(
            "Your personal link: %(link)s\n"
            "At the center, show the attached QR code or say your check-in code: %(code)s"
        ) % {"link": link, "code": check_in_code(registration)}
    return tell_participant(
        registration,
        kind=kind,
        key=f"{kind}:registration:{registration.pk}:{registration.status}",
        text=text,
        subject=subject,
        email_text=f"{text}\n\n{how}",
        qr_payload=link,
    )


def tell_participant(
    registration: Registration,
    *,
    kind: str,
    key: str,
    text: str,
    subject: str,
    email_text: str | None = None,
    qr_payload: str = "",
) -> list[Message]:
    """Queue an SMS to the person, and an e-mail when they gave an address; return them.

    `key` makes each message go out once however often the cause is repeated: a message
    queued before is not returned again.
    """
    participant = registration.participant
    center = registration.offering.center
    sms = message_queue(
        channel=Message.Channel.SMS,
        recipient=participant.phone,
        body=text,
        kind=kind,
        language=participant.language,
        center=center,
        dedupe_key=f"sms:{key}",
    )
    email = None
    if participant.email:
        email = message_queue(
            channel=Message.Channel.EMAIL,
            recipient=participant.email,
            subject=subject,
            body=email_text or text,
            kind=kind,
            language=participant.language,
            center=center,
            dedupe_key=f"email:{key}",
            qr_payload=qr_payload,
        )
    return [message for message in (sms, email) if message is not None]


def tell_registered(registration: Registration, *, position: int | None = None) -> list[Message]:
    """Queue the confirmation, or the waitlist position, by SMS (and e-mail); return them."""
    with translation.override(registration.participant.language):
        title = registration.offering.program.title
        when = _first_session(registration)
        if registration.status == Registration.Status.CONFIRMED:
            text = _("You are registered: %(title)s, %(when)s. %(link)s") % {
                "title": title,
                "when": when,
                "link": personal_link(registration),
            }
            subject = _("Your registration is confirmed")
            kind = "confirmation"
        else:
            text = _("%(title)s is full. You are number %(position)s on the waitlist.") % {
                "title": title,
                "position": position,
            }
            subject = _("You are on the waitlist")
            kind = "waitlisted"
    return _queue(registration, kind, text, subject)


def tell_offered(registration: Registration) -> None:
    """A place freed up: the person holds it until the offer expires."""
    with translation.override(registration.participant.language):
        until = date_format(
            timezone.localtime(registration.offer_expires_at), "SHORT_DATETIME_FORMAT"
        )
        text = _("A place is free in %(title)s. Confirm by %(until)s: %(link)s") % {
            "title": registration.offering.program.title,
            "until": until,
            "link": personal_link(registration),
        }
        subject = _("A place is waiting for you")
    _queue(registration, "waitlist-offer", text, subject)


def tell_code(*, phone: str, code: str, language: str, minutes: int) -> None:
    """The one-time code that opens a person's registrations, by SMS."""
    with translation.override(language):
        text = _(
            "Bilim: your code is %(code)s. It is valid for %(minutes)s minutes. "
            "Do not tell it to anyone."
        ) % {"code": code, "minutes": minutes}
    message_queue(
        channel=Message.Channel.SMS,
        recipient=phone,
        body=text,
        kind="one-time-code",
        language=language,
    )
