"""Role × page matrix for the room request pages, and the requests each scope shows."""

import pytest
from django.urls import reverse

from bilim.accounts.models import Role
from bilim.scheduling.models import SpaceBooking
from tests.scheduling.factories import SpaceBookingFactory

DECIDERS = {Role.NATIONAL, Role.REGION, Role.CENTER}

# page name -> whether it takes the booking's id
PAGES = {
    "bookings:staff-booking-list": False,
    "bookings:staff-booking-detail": True,
}
ACTIONS = [
    "bookings:staff-booking-approve",
    "bookings:staff-booking-decline",
    "bookings:staff-booking-check-in",
]


def _url(page, booking):
    return reverse(page, args=[booking.pk] if PAGES.get(page, True) else [])


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", list(Role))
def test_each_role_opens_exactly_its_booking_pages(client, network, pending, role, page):
    client.force_login(network.users[role])
    response = client.get(_url(page, pending))
    assert response.status_code == (200 if role in DECIDERS else 403)


@pytest.mark.parametrize("page", [*PAGES, *ACTIONS])
def test_anonymous_visitor_is_sent_to_sign_in(client, network, pending, page):
    response = client.get(_url(page, pending))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("page", [*PAGES, *ACTIONS])
def test_user_without_a_role_is_refused(client, network, pending, page):
    client.force_login(network.no_role)
    assert client.post(_url(page, pending)).status_code == 403


@pytest.mark.parametrize("page", ACTIONS)
@pytest.mark.parametrize("role", sorted(set(Role) - DECIDERS))
def test_deciding_is_refused_to_other_roles(client, network, pending, hall, role, page):
    client.force_login(network.users[role])
    assert client.post(_url(page, pending), {"room": hall.pk, "reason": "x"}).status_code == 403
    pending.refresh_from_db()
    assert pending.status == SpaceBooking.Status.PENDING


@pytest.mark.parametrize("page", ACTIONS)
def test_actions_answer_only_to_post(client, network, pending, page):
    client.force_login(network.users[Role.CENTER])
    assert client.get(_url(page, pending)).status_code == 405


@pytest.fixture
def spread(network):
    """One pending request at each of the four centers."""
    return {
        center: SpaceBookingFactory(center=center, title=f"Request at {center.name_en}")
        for center in (
            network.center_a1,
            network.center_a2,
            network.center_b1,
            network.center_b2,
        )
    }


# role -> the centers (by English name) whose requests its list shows
SEEN = {
    Role.NATIONAL: {"Center A1", "Center A2", "Center B1", "Center B2"},
    Role.REGION: {"Center A1", "Center A2"},
    Role.CENTER: {"Center A1"},
}


@pytest.mark.parametrize("role", list(SEEN))
def test_list_shows_exactly_the_requests_in_scope(client, network, spread, role):
    client.force_login(network.users[role])
    html = client.get("/en/staff/bookings/").content.decode()
    for center, booking in spread.items():
        assert (booking.title in html) == (center.name_en in SEEN[role]), center.name_en


@pytest.mark.parametrize("role", list(SEEN))
def test_request_outside_scope_is_not_found(client, network, spread, hall, role):
    client.force_login(network.users[role])
    for center, booking in spread.items():
        expected = 200 if center.name_en in SEEN[role] else 404
        assert client.get(f"/en/staff/bookings/{booking.pk}/").status_code == expected
        if expected == 404:
            response = client.post(f"/en/staff/bookings/{booking.pk}/decline/", {"reason": "x"})
            assert response.status_code == 404
