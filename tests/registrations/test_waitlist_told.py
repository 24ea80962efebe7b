"""A person without a place is never told to come: no QR code, no check-in code (issue 12.4).

An offered place counts as no place until it is taken: the person is told to take it first.
"""

import re

import pytest

from bilim.notifications.models import Message
from bilim.registrations.models import Registration
from bilim.registrations.services import registration_cancel
from tests.registrations.factories import UpcomingOfferingFactory, register

Status = Registration.Status
QR_IMAGE = re.compile(r'<svg role="img"')


@pytest.fixture
def offering(db):
    """A group of one place whose freed place is held for six hours."""
    return UpcomingOfferingFactory.create(capacity=1, offer_hold_hours=6)


def _code(registration) -> str:
    return f"{registration.short_code[:4]} {registration.short_code[4:]}"


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_the_waitlisted_page_shows_the_position_and_no_way_in(client, offering, lang):
    register(offering, 1)
    register(offering, 2)
    waiting = register(offering, 3)
    assert waiting.status == Status.WAITLISTED
    page = client.get(f"/{lang}/my/{waiting.token}/").content.decode()
    assert not QR_IMAGE.search(page)
    assert _code(waiting) not in page
    assert f"/{lang}/my/{waiting.token}/qr.png" not in page
    assert re.search(r"\b2\b", page)  # second on the waitlist
    assert 'id="waitlist-title"' in page


def test_the_waitlisted_page_says_what_happens_when_a_place_frees_up(client, offering):
    register(offering, 1)
    waiting = register(offering, 2)
    page = client.get(f"/en/my/{waiting.token}/").content.decode()
    assert "you are number 1 on the waitlist" in page
    assert "we will send you an SMS" in page
    assert "held for you for 6 hours" in page
    assert "Show this QR code at the entrance" not in page
    assert "Save the QR code" not in page
    assert "please do not come to the group" in page


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_the_qr_image_is_not_found_without_a_place(client, offering, lang):
    confirmed = register(offering, 1)
    waiting = register(offering, 2)
    assert client.get(f"/{lang}/my/{confirmed.token}/qr.png").status_code == 200
    assert client.get(f"/{lang}/my/{waiting.token}/qr.png").status_code == 404


def test_the_waitlist_e_mail_has_no_qr_code_and_no_check_in_code(offering):
    register(offering, 1)
    waiting = register(offering, 2, language="en", email="bakyt@example.kg")
    email = Message.objects.get(channel=Message.Channel.EMAIL, recipient="bakyt@example.kg")
    sms = Message.objects.get(channel=Message.Channel.SMS, recipient="+996700000002")
    assert email.qr_payload == ""
    assert _code(waiting) not in email.body
    assert "QR" not in email.body
    assert "number 1 on the waitlist" in email.body
    assert "held for you for 6 hours" in email.body
    assert _code(waiting) not in sms.body


def test_an_offered_person_is_told_to_take_the_place_before_any_code(client, offering):
    first = register(offering, 1)
    offered = register(offering, 2, language="en", email="bakyt@example.kg")
    registration_cancel(registration=first)
    offered.refresh_from_db()
    assert offered.status == Status.OFFERED
    email = Message.objects.get(channel=Message.Channel.EMAIL, kind="waitlist-offer")
    assert email.qr_payload == ""
    assert _code(offered) not in email.body
    page = client.get(f"/en/my/{offered.token}/").content.decode()
    assert "Take the place" in page
    assert not QR_IMAGE.search(page)
    assert _code(offered) not in page
    assert client.get(f"/en/my/{offered.token}/qr.png").status_code == 404


def test_once_the_place_is_taken_the_qr_code_and_the_code_appear(client, offering):
    first = register(offering, 1)
    offered = register(offering, 2)
    registration_cancel(registration=first)
    response = client.post(f"/ru/my/{offered.token}/accept/")
    assert response["Location"] == f"/ru/my/{offered.token}/"
    page = client.get(response["Location"]).content.decode()
    assert QR_IMAGE.search(page)
    assert _code(offered) in page
    assert client.get(f"/ru/my/{offered.token}/qr.png").status_code == 200


def test_my_registrations_shows_no_check_in_code(client, offering):
    register(offering, 1)
    waiting = register(offering, 2)
    session = client.session
    session["bilim.my.verified"] = {"phone": waiting.participant.phone, "until": 2**40}
    session.save()
    page = client.get("/ky/my/").content.decode()
    assert waiting.offering.program.title in page
    assert _code(waiting) not in page
    assert not QR_IMAGE.search(page)
