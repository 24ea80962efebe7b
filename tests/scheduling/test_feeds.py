"""iCalendar feeds, parsed back with the icalendar library."""

import datetime

import icalendar
import pytest
from django.urls import reverse

from bilim.scheduling.models import Offering
from bilim.scheduling.services import feed_token_get_or_create, session_cancel, session_move
from tests.scheduling.factories import OfferingFactory, SessionFactory, at, next_weekday

pytestmark = pytest.mark.django_db


def _events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


@pytest.fixture
def scheduled(network, room):
    offering = OfferingFactory(
        center=network.center_a1,
        program__title_ky="Шайлоо укугу",
        program__title_ru="Избирательное право",
    )
    tuesday = next_weekday(1)
    first = SessionFactory(offering=offering, room=room, starts_at=at(tuesday, 18))
    second = SessionFactory(
        offering=offering, room=room, starts_at=at(tuesday + datetime.timedelta(2), 18)
    )
    return offering, first, second


def test_the_center_feed_is_valid_and_in_the_chosen_language(client, network, room, scheduled):
    _offering, first, _second = scheduled
    response = client.get(
        "/ru" + reverse("scheduling:feed-center", args=[network.center_a1.code])[3:]
    )
    events = _events(response)
    assert len(events) == 2
    event = events[f"session-{first.pk}@bilim.kg"]
    assert str(event["SUMMARY"]) == "Избирательное право"
    start = event.decoded("DTSTART")
    assert start.utcoffset() == datetime.timedelta(0)
    assert start == first.starts_at
    assert event.decoded("DTEND") == first.ends_at
    location = str(event["LOCATION"])
    assert network.center_a1.name_ru in location
    assert room.name_ru in location
    assert str(event["STATUS"]) == "CONFIRMED"
    assert "DTSTAMP" in event


def test_uids_stay_when_a_session_moves_and_cancelled_ones_say_so(client, room, scheduled):
    offering, first, second = scheduled
    url = reverse("scheduling:feed-offering", args=[offering.pk])
    before = set(_events(client.get(url)))
    session_move(
        session=first,
        starts_at=first.starts_at + datetime.timedelta(hours=1),
        ends_at=first.ends_at + datetime.timedelta(hours=1),
        room=room,
    )
    session_cancel(session=second, reason="Жарык жок")
    events = _events(client.get(url))
    assert set(events) == before
    moved = events[f"session-{first.pk}@bilim.kg"]
    assert moved.decoded("DTSTART") == first.starts_at + datetime.timedelta(hours=1)
    cancelled = events[f"session-{second.pk}@bilim.kg"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert "Жарык жок" in str(cancelled["DESCRIPTION"])


def test_public_feeds_never_carry_the_meeting_link(client, network):
    offering = OfferingFactory(center=network.center_a1, format=Offering.Format.HYBRID)
    SessionFactory(offering=offering, stream_url="https://meet.example.kg/secret")
    for url in (
        reverse("scheduling:feed-offering", args=[offering.pk]),
        reverse("scheduling:feed-center", args=[network.center_a1.code]),
    ):
        assert b"meet.example.kg" not in client.get(url).content


def test_the_facilitator_feed_needs_the_secret_and_carries_the_link(client, network, facilitator):
    offering = OfferingFactory(center=network.center_a1, format=Offering.Format.HYBRID)
    offering.facilitators.add(facilitator)
    session = SessionFactory(offering=offering, stream_url="https://meet.example.kg/room-7")
    SessionFactory(offering=OfferingFactory(center=network.center_a1))  # somebody else's
    token = feed_token_get_or_create(user=facilitator).token
    events = _events(client.get(reverse("scheduling:feed-facilitator", args=[token])))
    assert list(events) == [f"session-{session.pk}@bilim.kg"]
    assert str(events[f"session-{session.pk}@bilim.kg"]["URL"]) == "https://meet.example.kg/room-7"
    wrong = client.get(reverse("scheduling:feed-facilitator", args=["not-the-secret"]))
    assert wrong.status_code == 404


def test_proposals_and_planned_centers_have_no_feed(client, network):
    proposal = OfferingFactory(center=network.center_a1, status=Offering.Status.PROPOSED)
    assert client.get(reverse("scheduling:feed-offering", args=[proposal.pk])).status_code == 404
    network.center_a2.status = "planned"
    network.center_a2.save()
    url = reverse("scheduling:feed-center", args=[network.center_a2.code])
    assert client.get(url).status_code == 404
