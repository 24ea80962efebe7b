"""What a participant is told, in their language; short enough for one SMS where possible."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from bilim.notifications.models import Message
from bilim.notifications.services import message_queue
from bilim.notifications.sms_fit import sms_fit, sms_when

from .models import IMMEDIATE_PROMOTION, Registration


def personal_link(registration: Registration) -> str:
    """The address of the person's own page for this registration."""
    with translation.override(registration.participant.language):
        path = reverse("registrations:mine", args=[registration.token])
    return f"{settings.BILIM_SITE_URL}{path}"


def short_link(registration: Registration) -> str:
    """The personal link as SMS carry it: /m/<8 characters>, which opens the personal page."""
    return f"{settings.BILIM_SITE_URL}{reverse('short-link', args=[registration.link_code])}"


def check_in_code(registration: Registration) -> str:
    """The eight-digit check-in code in two groups, easy to read out: "1234 5678"."""
    code = registration.short_code
    return f"{code[:4]} {code[4:]}"


def _first_session(registration: Registration) -> str:
    starts = registration.offering.first_starts_at
    return sms_when(starts) if starts else ""


def _queue(
    registration: Registration, kind: str, template: str, values: dict[str, object], subject: str
) -> list[Message]:
    """Queue the SMS (short link, title cut to fit) and the e-mail (full title and link)."""
    link = personal_link(registration)
    sms = sms_fit(template, {**values, "link": short_link(registration)})
    text = template % {**values, "link": link}
    if registration.status != Registration.Status.CONFIRMED:
        return _queue_without_place(registration, kind, sms, text, subject)
    with translation.override(registration.participant.language):
        how = _(
            "Your personal link: %(link)s\n"
            "At the center, show the attached QR code or say your check-in code: %(code)s"
        ) % {"link": link, "code": check_in_code(registration)}
    return tell_participant(
        registration,
        kind=kind,
        key=f"{kind}:registration:{registration.pk}:{registration.status}",
        text=sms,
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
        values: dict[str, object] = {
            "title": registration.offering.program.title,
            "when": _first_session(registration),
            "position": position,
        }
        if registration.status == Registration.Status.CONFIRMED:
            template = _("You are registered: %(title)s, %(when)s. %(link)s")
            subject = _("Your registration is confirmed")
            kind = "confirmation"
        else:
            template = _("%(title)s is full. You are number %(position)s on the waitlist.")
            subject = _("You are on the waitlist")
            kind = "waitlisted"
    return _queue(registration, kind, template, values, subject)


def tell_offered(registration: Registration) -> None:
    """A place freed up: the person holds it until the offer expires."""
    until = registration.offer_expires_at
    with translation.override(registration.participant.language):
        template = _("A place is free in %(title)s. Confirm by %(until)s: %(link)s")
        values: dict[str, object] = {
            "title": registration.offering.program.title,
            "until": sms_when(until) if until else "",
        }
        subject = _("A place is waiting for you")
    _queue(registration, "waitlist-offer", template, values, subject)


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


def tell_link_again(registration: Registration) -> None:
    """The personal link once more, by SMS only, for someone who tried to register again.

    No dedupe key: the caller limits how often one phone receives it.
    """
    participant = registration.participant
    with translation.override(participant.language):
        template = _("You are already registered: %(title)s. Your link: %(link)s")
        values = {"title": registration.offering.program.title}
    text = sms_fit(template, {**values, "link": short_link(registration)})
    message_queue(
        channel=Message.Channel.SMS,
        recipient=participant.phone,
        body=text,
        kind="link-again",
        language=participant.language,
        center=registration.offering.center,
    )


def waitlist_next_steps(registration: Registration) -> str:
    """What happens to a person on the waitlist when a place frees up (in the active language)."""
    return _(
        "When a place frees up, we will send you an SMS. The place is then held for you "
        "for %(hours)s hours: take it on your personal page. If the group starts within "
        "%(soon)s hours, the place is given to you at once."
    ) % {
        "hours": registration.offering.offer_hold_hours,
        "soon": int(IMMEDIATE_PROMOTION.total_seconds() // 3600),
    }


def _queue_without_place(
    registration: Registration, kind: str, sms: str, text: str, subject: str
) -> list[Message]:
    """Tell a person who holds no place yet: no QR code, no check-in code, nothing for the door."""
    link = personal_link(registration)
    with translation.override(registration.participant.language):
        if registration.status == Registration.Status.OFFERED:
            more = _(
                "Take the place on your personal page before the time is up; you will then "
                "get your QR code and check-in code: %(link)s"
            ) % {"link": link}
        else:
            more = (
                waitlist_next_steps(registration)
                + "\n"
                + _("Your personal link: %(link)s") % {"link": link}
            )
    return tell_participant(
        registration,
        kind=kind,
        key=f"{kind}:registration:{registration.pk}:{registration.status}",
        text=sms,
        subject=subject,
        email_text=f"{text}\n\n{more}",
    )


def tell_offer_lapsed(registration: Registration, *, position: int | None) -> None:
    """The held place was not taken in time: back on the waitlist, at this position."""
    with translation.override(registration.participant.language):
        template = _(
            "%(title)s: the place was not taken in time. You are number %(position)s "
            "on the waitlist."
        )
        text = sms_fit(
            template, {"title": registration.offering.program.title, "position": position}
        )
        subject = _("The place held for you has gone to the next person")
        more = _(
            "You did not take the place in %(title)s in time, so it went to the next person "
            "waiting. You are back on the waitlist, number %(position)s."
        ) % {"title": registration.offering.program.title, "position": position}
        more += "\n\n" + waitlist_next_steps(registration)
        more += "\n" + _("Your personal link: %(link)s") % {"link": personal_link(registration)}
    stamp = registration.waitlisted_at.timestamp() if registration.waitlisted_at else ""
    tell_participant(
        registration,
        kind="offer-lapsed",
        key=lapsed_key(registration.pk, stamp),
        text=text,
        subject=subject,
        email_text=more,
    )


def lapsed_key(registration_pk: int, stamp: float | str) -> str:
    """The dedupe key of the lapse message of one stay on the waitlist (its start)."""
    return f"offer-lapsed:registration:{registration_pk}:{stamp}"
