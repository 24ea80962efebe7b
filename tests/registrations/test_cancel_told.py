"""Cancelling is deliberate; a lapsed offer is told with the new position (issue 12.5)."""

import datetime
import re

import pytest
from django.utils import timezone, translation

from bilim.attendance.models import Attendance
from bilim.certificates.models import Certificate
from bilim.notifications.models import Message
from bilim.registrations.errors import ATTENDED, GROUP_ENDED, HAS_CERTIFICATE, RegistrationError
from bilim.registrations.models import Registration
from bilim.registrations.services import (
    offers_expire,
    registration_cancel,
    waitlist_position,
)
from tests.registrations.factories import register

Status = Registration.Status
NOW = timezone.now()


@pytest.fixture(autouse=True)
def _english():
    """Errors are checked in English; a page asked for in another language must not leak in."""
    with translation.override("en"):
        yield


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_the_cancel_button_asks_first_and_cancels_only_on_confirmation(client, offering, lang):
    registration = register(offering, 1)
    page = client.get(f"/{lang}/my/{registration.token}/").content.decode()
    confirm_url = f"/{lang}/my/{registration.token}/cancel/"
    assert f'href="{confirm_url}"' in page  # a link to the question, not a form that cancels
    question = client.get(confirm_url)
    assert question.status_code == 200
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED  # looking at the question changes nothing
    body = question.content.decode()
    assert f'<form method="post" action="{confirm_url}">' in body
    response = client.post(confirm_url)
    assert response["Location"] == f"/{lang}/my/{registration.token}/"
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED


def test_the_question_says_the_place_goes_to_the_first_person_waiting(client, offering):
    registration = register(offering, 1)
    body = client.get(f"/en/my/{registration.token}/cancel/").content.decode()
    assert "Nobody is waiting for a place in this group" in body
    assert "This cannot be undone." in body
    register(offering, 2)
    body = client.get(f"/en/my/{registration.token}/cancel/").content.decode()
    assert "Your place goes at once to the first person on the waitlist." in body


def test_a_person_waiting_is_told_they_leave_the_waitlist(client, offering):
    register(offering, 1)
    waiting = register(offering, 2)
    body = client.get(f"/en/my/{waiting.token}/cancel/").content.decode()
    assert "You leave the waitlist" in body


def test_the_list_links_to_the_question_and_comes_back_to_the_list(client, offering):
    registration = register(offering, 1)
    session = client.session
    session["bilim.my.verified"] = {"phone": registration.participant.phone, "until": 2**40}
    session.save()
    page = client.get("/ru/my/").content.decode()
    assert f"/ru/my/{registration.token}/cancel/?back=list" in page
    body = client.get(f"/ru/my/{registration.token}/cancel/?back=list").content.decode()
    assert 'name="back" value="list"' in body
    response = client.post(f"/ru/my/{registration.token}/cancel/", {"back": "list"})
    assert response["Location"] == "/ru/my/"


def _ended(offering):
    offering.sessions.update(
        starts_at=NOW - datetime.timedelta(days=2),
        ends_at=NOW - datetime.timedelta(days=2, hours=-2),
    )
    offering.last_ends_at = NOW - datetime.timedelta(days=2, hours=-2)
    offering.save(update_fields=["last_ends_at"])


def test_no_cancel_once_the_group_has_ended(client, offering):
    registration = register(offering, 1)
    _ended(offering)
    with pytest.raises(RegistrationError, match=re.escape(str(GROUP_ENDED))):
        registration_cancel(registration=registration)
    page = client.get(f"/en/my/{registration.token}/").content.decode()
    assert "Cancel my registration" not in page
    body = client.get(f"/en/my/{registration.token}/cancel/").content.decode()
    assert "This group has ended" in body
    assert "<form" not in body.split("<main", 1)[-1]
    client.post(f"/ru/my/{registration.token}/cancel/")
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_no_cancel_after_attending(client, offering):
    registration = register(offering, 1)
    Attendance.objects.create(
        session=offering.sessions.get(), registration=registration, method="roster"
    )
    with pytest.raises(RegistrationError, match=re.escape(str(ATTENDED))):
        registration_cancel(registration=registration)
    assert (
        "Cancel my registration" not in client.get(f"/ky/my/{registration.token}/").content.decode()
    )


def test_no_cancel_with_a_certificate(client, offering):
    registration = register(offering, 1)
    Certificate.objects.create(
        registration=registration, number="B-2026-000001", language="ky", hours=12
    )
    with pytest.raises(RegistrationError, match=re.escape(str(HAS_CERTIFICATE))):
        registration_cancel(registration=registration)
    session = client.session
    session["bilim.my.verified"] = {"phone": registration.participant.phone, "until": 2**40}
    session.save()
    assert f"/ky/my/{registration.token}/cancel/" not in client.get("/ky/my/").content.decode()


def _offer_then_lapse(offering, *, others_waiting: int):
    first = register(offering, 1, now=NOW)
    offered = register(offering, 2, language="en", now=NOW)
    others = [register(offering, 3 + i, now=NOW) for i in range(others_waiting)]
    registration_cancel(registration=first, now=NOW)
    offered.refresh_from_db()
    assert offered.status == Status.OFFERED
    assert offers_expire(now=NOW + datetime.timedelta(hours=13)) == 1
    offered.refresh_from_db()
    return offered, others


def test_a_lapsed_offer_returns_the_person_to_the_end_of_the_waitlist_and_tells_them(
    client, offering
):
    lapsed, (next_person, third) = _offer_then_lapse(offering, others_waiting=2)
    assert lapsed.status == Status.WAITLISTED
    next_person.refresh_from_db()
    assert next_person.status == Status.OFFERED
    assert waitlist_position(third) == 1
    assert waitlist_position(lapsed) == 2  # behind the third person, who still waits
    sms = Message.objects.get(kind="offer-lapsed", channel=Message.Channel.SMS)
    assert sms.recipient == "+996700000002"
    assert sms.language == "en"
    assert "not taken in time" in sms.body
    assert "number 2 on the waitlist" in sms.body
    page = client.get(f"/en/my/{lapsed.token}/").content.decode()
    assert "was not taken in time" in page
    assert "you are number 2 on the waitlist" in page
    for lang in ("ky", "ru"):
        page = client.get(f"/{lang}/my/{lapsed.token}/").content.decode()
        assert 'role="status"' in page


def test_with_nobody_else_waiting_a_lapsed_place_stays_free(offering):
    lapsed, _ = _offer_then_lapse(offering, others_waiting=0)
    assert lapsed.status == Status.WAITLISTED
    offering.refresh_from_db()
    assert offering.confirmed_count == 0
    assert waitlist_position(lapsed) == 1
    # The next sign-up is not stuck behind them: the first person waiting is offered it.
    newcomer = register(offering, 9, now=NOW + datetime.timedelta(hours=14))
    lapsed.refresh_from_db()
    assert lapsed.status == Status.OFFERED
    assert newcomer.status == Status.WAITLISTED
