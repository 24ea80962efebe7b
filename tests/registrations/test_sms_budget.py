"""Every SMS fits a phone: one segment where possible, never more than two, in ky, ru and en.

Each message kind is rendered by the code that really sends it, in the three languages,
for the demo's longest program titles and center names and a realistic site address.
To budget a new kind of SMS, add it to SENDERS (and to ONE_SEGMENT if it has no title or
link to cut).
"""

import datetime
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from django.utils import timezone

from bilim.certificates.messages import tell_certificate_ready
from bilim.certificates.models import Certificate
from bilim.demo.network import _center_names, center_plan
from bilim.notifications.models import Message
from bilim.notifications.sms import segments
from bilim.registrations.messages import (
    tell_code,
    tell_link_again,
    tell_offer_lapsed,
    tell_offered,
    tell_registered,
)
from bilim.registrations.models import Participant, Registration
from bilim.registrations.reminders import reminders_queue
from bilim.scheduling.services.offerings import Change, participants_notify_change
from tests.factories import CenterFactory, ProgramFactory
from tests.scheduling.factories import OfferingFactory, SessionFactory

LANGUAGES = ("ky", "ru", "en")
# Never more than two segments: 134 Cyrillic characters.
MAX_SEGMENTS = 2
PROGRAMS = Path(__file__).resolve().parents[2] / "src/bilim/demo/data/programs.json"
# Longer than any address the network is likely to use; the budget holds for it.
SITE_URL = "https://bilim.shailoo.gov.kg"
NOW = timezone.now()
STARTS = NOW + datetime.timedelta(days=3)


def _longest(texts: list[dict[str, str]]) -> dict[str, str]:
    return {lang: max((t[lang] for t in texts), key=len) for lang in LANGUAGES}


@pytest.fixture
def people(db, geography, settings):
    """One confirmed registration per language, for the longest titles and center names."""
    settings.BILIM_SITE_URL = SITE_URL
    titles = _longest([p["title"] for p in json.loads(PROGRAMS.read_text(encoding="utf-8"))])
    names = _longest([_center_names(district, n) for district, n in center_plan()])
    program = ProgramFactory(
        title=titles["ky"], **{f"title_{lang}": titles[lang] for lang in LANGUAGES}
    )
    center = CenterFactory(name=names["ky"], **{f"name_{lang}": names[lang] for lang in LANGUAGES})
    session = SessionFactory(
        offering=OfferingFactory(program=program, center=center),
        starts_at=STARTS,
        ends_at=STARTS + datetime.timedelta(hours=2),
    )
    registrations = []
    for n, lang in enumerate(LANGUAGES):
        participant = Participant.objects.create(
            name=f"Айгүл Осмонова {n}",
            name_key=f"айгүл осмонова {n}",
            phone=f"+99655500000{n}",
            sex="female",
            language=lang,
        )
        registrations.append(
            Registration.objects.create(
                participant=participant,
                offering=session.offering,
                status=Registration.Status.CONFIRMED,
                channel=Registration.Channel.WEB,
                sex="female",
                age_band="50_64",
                disability="no",
            )
        )
    return session, registrations


def _confirmation(session, registrations):
    for registration in registrations:
        tell_registered(registration)


def _waitlisted(session, registrations):
    for registration in registrations:
        registration.status = Registration.Status.WAITLISTED
        tell_registered(registration, position=120)


def _offer(session, registrations):
    for registration in registrations:
        registration.status = Registration.Status.OFFERED
        registration.offer_expires_at = NOW + datetime.timedelta(hours=24)
        tell_offered(registration)


def _reminders(session, registrations):
    reminders_queue(now=STARTS - datetime.timedelta(hours=20))
    reminders_queue(now=STARTS - datetime.timedelta(hours=1))


def _changes(session, registrations):
    for change in Change:
        participants_notify_change(
            offering_id=session.offering_id, session_ids=[session.pk], change=change
        )


def _certificate(session, registrations):
    for n, registration in enumerate(registrations):
        tell_certificate_ready(
            Certificate.objects.create(
                registration=registration,
                number=f"KG-2026-{n:06d}",
                language=registration.participant.language,
                hours=9,
            )
        )


def _link_again(session, registrations):
    for registration in registrations:
        tell_link_again(registration)


def _lapsed(session, registrations):
    for registration in registrations:
        registration.status = Registration.Status.WAITLISTED
        registration.waitlisted_at = NOW
        tell_offer_lapsed(registration, position=120)


def _code(session, registrations):
    for registration in registrations:
        participant = registration.participant
        tell_code(phone=participant.phone, code="123456", language=participant.language, minutes=10)


# What each sender queues, by message kind.
SENDERS: dict[Callable[..., None], tuple[str, ...]] = {
    _confirmation: ("confirmation",),
    _waitlisted: ("waitlisted",),
    _offer: ("waitlist-offer",),
    _reminders: ("reminder-24h", "reminder-2h"),
    _changes: ("session-moved", "session-cancelled", "offering-cancelled"),
    _certificate: ("certificate-ready",),
    _code: ("one-time-code",),
    _link_again: ("link-again",),
    _lapsed: ("offer-lapsed",),
}
# Kinds that fit one segment in every language, titles and center names cut to a few
# words: those without a link. Reminders are the most numerous SMS of all.
ONE_SEGMENT = {"one-time-code", "waitlisted", "session-cancelled", "reminder-24h", "reminder-2h"}


@pytest.mark.parametrize("send", SENDERS, ids=lambda send: send.__name__.strip("_"))
def test_every_sms_fits_its_budget_in_every_language(people, send):
    session, registrations = people
    send(session, registrations)
    too_long = []
    for kind in SENDERS[send]:
        for lang in LANGUAGES:
            [sms] = Message.objects.filter(channel=Message.Channel.SMS, kind=kind, language=lang)
            budget = 1 if kind in ONE_SEGMENT else MAX_SEGMENTS
            if segments(sms.body) > budget:
                too_long.append(f"{kind} {lang} ({len(sms.body)} chars): {sms.body}")
    assert not too_long, "\n".join(too_long)


def test_the_outbox_records_the_segments_of_each_sms(people):
    session, registrations = people
    for send in SENDERS:
        send(session, registrations)
    for sms in Message.objects.filter(channel=Message.Channel.SMS):
        assert sms.segments == segments(sms.body)


def test_a_cut_title_still_says_which_group(people):
    session, registrations = people
    _confirmation(session, registrations)
    for sms in Message.objects.filter(channel=Message.Channel.SMS):
        lang = sms.language
        title = getattr(session.offering.program, f"title_{lang}")
        assert title[:20] in sms.body
        assert f"{SITE_URL}/m/" in sms.body  # the short link, whole
