"""People registered for a group are told, in their language, when its sessions change."""

import datetime

import pytest
from django.utils import timezone

from bilim.notifications.models import Message
from bilim.registrations.models import Registration
from bilim.registrations.services import registration_cancel
from bilim.scheduling.services import offering_cancel, session_cancel, session_move
from tests.registrations.factories import UpcomingOfferingFactory, register
from tests.scheduling.factories import SessionFactory

NOW = timezone.now()


@pytest.fixture
def session(db):
    offering = UpcomingOfferingFactory.create(capacity=5, now=NOW, days=6, hours=1)
    for n, language in ((1, "ky"), (2, "ru")):
        register(offering, n, language=language, now=NOW)
    return offering.sessions.get()


def _sms(kind):
    return {
        m.recipient: m.body for m in Message.objects.filter(kind=kind, channel=Message.Channel.SMS)
    }


def test_a_moved_session_is_announced_to_each_person_in_their_language(session):
    new_start = session.starts_at + datetime.timedelta(days=1)
    session_move(
        session=session,
        starts_at=new_start,
        ends_at=new_start + datetime.timedelta(hours=1),
        room=None,
    )
    sent = _sms("session-moved")
    assert set(sent) == {"+996700000001", "+996700000002"}
    assert "сабак" in sent["+996700000001"]  # Kyrgyz
    assert "занятие" in sent["+996700000002"]  # Russian


def test_cancelled_people_are_not_told(session):
    first = Registration.objects.get(participant__phone="+996700000001")
    registration_cancel(registration=first, now=NOW)
    session_cancel(session=session, reason="Жарык өчтү")
    assert set(_sms("session-cancelled")) == {"+996700000002"}


def test_a_cancelled_group_is_announced_once_per_person(session):
    SessionFactory(
        offering=session.offering,
        starts_at=session.starts_at + datetime.timedelta(days=2),
        ends_at=session.ends_at + datetime.timedelta(days=2),
    )
    offering_cancel(offering=session.offering, reason="Катышуучулар аз")
    assert len(_sms("offering-cancelled")) == 2
    assert Message.objects.filter(kind="offering-cancelled").count() == 2
