"""Registration rules: places, the waitlist, returning people, offers that pass on."""

import datetime

import pytest
from django.utils import timezone

from bilim.notifications.models import Message
from bilim.registrations.errors import RegistrationError
from bilim.registrations.models import AgeBand, Participant, Registration
from bilim.registrations.services import (
    Person,
    offer_accept,
    offers_expire,
    registration_cancel,
    registration_create,
    waitlist_position,
)
from tests.registrations.factories import PersonFactory, UpcomingOfferingFactory, register, sign_up

Status = Registration.Status
NOW = timezone.now()


def _person(n: int = 1, **changes) -> Person:
    return PersonFactory.build(**({"n": n, "sex": "female", "birth_year": 1956} | changes))


@pytest.fixture
def offering(db):
    """A group of two places a week ahead."""
    return UpcomingOfferingFactory.create(capacity=2, days=7, now=NOW)


def _register(offering, n, **changes):
    return sign_up(offering, n, now=NOW, **({"sex": "female", "birth_year": 1956} | changes))


def test_places_are_given_then_people_wait_in_order(offering):
    outcomes = [_register(offering, n) for n in range(1, 6)]
    assert [o.registration.status for o in outcomes] == [Status.CONFIRMED] * 2 + [
        Status.WAITLISTED
    ] * 3
    assert [o.position for o in outcomes] == [None, None, 1, 2, 3]
    offering.refresh_from_db()
    assert offering.confirmed_count == 2


def test_a_returning_person_is_recognised_not_duplicated(offering):
    first = _register(offering, 1)
    again = registration_create(
        offering=offering,
        person=_person(1, name="  айгүл   ОСМОНОВА 1 ", email="aigul@example.kg"),
        channel=Registration.Channel.PHONE,
        now=NOW,
    )
    assert again.created is False
    assert again.registration.pk == first.registration.pk
    assert Participant.objects.count() == 1
    # Registering proves nothing: the stored details stay as they were.
    assert Participant.objects.get().email == ""


def test_a_retried_request_creates_one_registration(offering):
    one = registration_create(
        offering=offering,
        person=_person(1),
        channel=Registration.Channel.WEB,
        idempotency_key="abc",
        now=NOW,
    )
    two = registration_create(
        offering=offering,
        person=_person(1),
        channel=Registration.Channel.WEB,
        idempotency_key="abc",
        now=NOW,
    )
    assert (one.created, two.created) == (True, False)
    assert Registration.objects.count() == 1


def test_a_freed_place_is_offered_to_the_first_waiting_and_held(offering):
    offering.offer_hold_hours = 6
    offering.save()
    first, _, waiting, later = (_register(offering, n) for n in range(1, 5))
    registration_cancel(registration=first.registration, now=NOW)
    waiting.registration.refresh_from_db()
    assert waiting.registration.status == Status.OFFERED
    assert waiting.registration.offer_expires_at == NOW + datetime.timedelta(hours=6)
    assert waitlist_position(later.registration) == 1
    offering.refresh_from_db()
    assert offering.confirmed_count == 2  # the held place counts as taken
    sms = Message.objects.filter(kind="waitlist-offer", channel=Message.Channel.SMS).get()
    assert sms.recipient == "+996700000003"
    assert f"/m/{waiting.registration.link_code}" in sms.body

    offer_accept(registration=waiting.registration, now=NOW + datetime.timedelta(hours=1))
    waiting.registration.refresh_from_db()
    assert waiting.registration.status == Status.CONFIRMED


def test_an_unanswered_offer_passes_to_the_next_person(offering):
    first, _, waiting, later = (_register(offering, n) for n in range(1, 5))
    registration_cancel(registration=first.registration, now=NOW)
    expired_at = NOW + datetime.timedelta(hours=13)
    assert offers_expire(now=expired_at) == 1
    waiting.registration.refresh_from_db()
    later.registration.refresh_from_db()
    # Back at the end of the waitlist, not cancelled; the place went to the next person.
    assert waiting.registration.status == Status.WAITLISTED
    assert waiting.registration.waitlisted_at == expired_at
    assert waitlist_position(waiting.registration) == 1
    assert later.registration.status == Status.OFFERED
    with pytest.raises(RegistrationError):
        offer_accept(registration=waiting.registration, now=expired_at)


def test_close_to_the_session_the_place_is_given_at_once(offering):
    offering.first_starts_at = NOW + datetime.timedelta(hours=3)
    offering.save()
    first, _, waiting = (_register(offering, n) for n in range(1, 4))
    registration_cancel(registration=first.registration, now=NOW)
    waiting.registration.refresh_from_db()
    assert waiting.registration.status == Status.CONFIRMED


def test_demographics_are_kept_as_they_were_at_registration(offering):
    outcome = _register(offering, 1, birth_year=1990, sex="female")
    participant = outcome.registration.participant
    participant.sex = "not_disclosed"
    participant.birth_year = 1950
    participant.save()
    outcome.registration.refresh_from_db()
    assert (outcome.registration.sex, outcome.registration.age_band) == ("female", AgeBand.FROM_30)


def test_not_disclosed_is_a_real_answer(offering):
    outcome = _register(offering, 1, sex="not_disclosed", birth_year=None)
    assert outcome.registration.sex == "not_disclosed"
    assert outcome.registration.age_band == AgeBand.NOT_DISCLOSED


def test_too_young_for_the_program_is_refused(offering):
    offering.program.min_age = 16
    offering.program.save()
    with pytest.raises(RegistrationError, match="16"):
        _register(offering, 1, birth_year=NOW.year - 12)


def test_registration_after_it_closes_is_refused(offering):
    offering.registration_closes = NOW - datetime.timedelta(minutes=1)
    offering.save()
    with pytest.raises(RegistrationError):
        _register(offering, 1)


def test_confirmation_is_queued_with_the_registration(offering):
    outcome = _register(offering, 1)
    sms = Message.objects.get(kind="confirmation", channel=Message.Channel.SMS)
    assert sms.recipient == "+996700000001"
    assert sms.language == "ky"
    assert f"/m/{outcome.registration.link_code}" in sms.body


def test_a_check_in_code_already_taken_is_drawn_again_not_lost(offering, monkeypatch):
    first = register(offering, 1)
    field = Registration._meta.get_field("short_code")
    codes = iter([first.short_code, "12345678"])  # the first draw collides
    monkeypatch.setattr(field, "_get_default", lambda: next(codes))
    outcome = sign_up(offering, 2)
    assert outcome.created
    assert outcome.registration.short_code == "12345678"
    assert Registration.objects.count() == 2
