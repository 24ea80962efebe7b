"""The desk console over HTTP: who reaches it, each action, and bad input without a 500."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.accounts.services import role_assign
from bilim.walkins.models import Ticket
from bilim.walkins.services import ticket_call_next
from tests.factories import UserFactory
from tests.walkins.conftest import take

URL = "/en/staff/queue/"
ALLOWED = {Role.NATIONAL, Role.CENTER}
Status = Ticket.Status


def _url(name, *args):
    return "/en" + reverse(name, args=args)[3:]


@pytest.fixture
def manager(client, network):
    client.force_login(network.users[Role.CENTER])
    return network.users[Role.CENTER]


@pytest.mark.parametrize("role", list(Role))
def test_only_center_managers_and_the_national_office_run_the_queue(client, network, role):
    client.force_login(network.users[role])
    assert client.get(URL).status_code == (200 if role in ALLOWED else 403)
    take_url = _url("walkins:staff-ticket-take")
    post = client.post(take_url, {"center": network.center_a1.pk})
    assert post.status_code == (302 if role in ALLOWED else 403)


def test_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_taking_a_number_shows_it_large_with_a_slip_to_print(client, network, manager, category):
    take(network.center_a1, 2)
    response = client.post(
        _url("walkins:staff-ticket-take"), {"center": network.center_a1.pk, "category": category.pk}
    )
    assert response.status_code == 302
    ticket = Ticket.objects.get(number=3)
    assert (ticket.center, ticket.category) == (network.center_a1, category)
    html = client.get(response["Location"]).content.decode()
    assert re.search(r'class="number-big">003<', html)
    assert "2 people ahead" in html
    assert "about 20 min" in html
    assert reverse("walkins:staff-ticket-slip", args=[ticket.pk]) in html


def test_the_slip_has_number_center_time_people_ahead_wait_and_a_link(client, network, manager):
    _, second = take(network.center_a1, 2)
    html = client.get(_url("walkins:staff-ticket-slip", second.pk)).content.decode()
    assert 'class="slip-number" id="slip-number">002<' in html
    assert network.center_a1.name_en in html
    assert timezone.localtime(second.created_at).strftime("%H:%M") in html
    assert "People ahead</dt><dd>1<" in html
    assert "about 10 min" in html
    assert f"/q/{second.code}/" in html
    assert '<svg role="img"' in html  # the QR code of the same link


def test_an_unknown_service_is_refused_beside_the_field(client, network, manager):
    response = client.post(
        _url("walkins:staff-ticket-take"), {"center": network.center_a1.pk, "category": "99999"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html and "Choose a service from the list." in html
    assert not Ticket.objects.exists()


def test_call_next_remembers_the_desk_and_serving_links_to_the_consultation_log(
    client, network, manager, category
):
    center = network.center_a1
    take(center, 1, category=category)
    take(center, 1)
    response = client.post(_url("walkins:staff-ticket-call"), {"center": center.pk, "desk": "3"})
    assert response.status_code == 302
    called = Ticket.objects.get(number=1)
    assert (called.status, called.desk, called.called_by) == (Status.CALLED, "3", manager)
    page = client.get(response["Location"]).content.decode()
    assert "Number 001 is called to desk 3." in page
    assert re.search(r'id="mine-number">001<', page)
    assert "Desk 3" in page
    # Served: the next page offers to log the consultation, with the center and service.
    done = client.post(_url("walkins:staff-ticket-finish", called.pk), {"outcome": "served"})
    page = client.get(done["Location"]).content.decode()
    assert "Number 001 was served." in page
    log = f"{reverse('helpdesk:consultation-log')}?center={center.pk}&amp;category={category.pk}"
    assert log in page
    # The desk is remembered: the call form offers desk 3 again.
    assert 'name="desk" value="3"' in page
    client.post(_url("walkins:staff-ticket-call"), {"center": center.pk, "desk": "3"})
    assert Ticket.objects.get(number=2).desk == "3"


def test_a_desk_label_too_long_is_refused_and_kept(client, network, manager):
    take(network.center_a1)
    response = client.post(
        _url("walkins:staff-ticket-call"), {"center": network.center_a1.pk, "desk": "Window 12345"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "A desk can have at most 10 characters." in html
    assert 'value="Window 12345"' in html
    assert Ticket.objects.get().status == Status.WAITING


def test_an_empty_desk_is_refused(client, network, manager):
    take(network.center_a1)
    response = client.post(
        _url("walkins:staff-ticket-call"), {"center": network.center_a1.pk, "desk": " "}
    )
    assert response.status_code == 200
    assert "Enter your desk, for example 1." in response.content.decode()


def test_calling_with_nobody_waiting_says_so(client, network, manager):
    response = client.post(
        _url("walkins:staff-ticket-call"),
        {"center": network.center_a1.pk, "desk": "1"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Nobody is waiting." in response.content.decode()


def test_a_busy_desk_is_told_to_finish_first(client, network, manager):
    center = network.center_a1
    take(center, 2)
    ticket_call_next(center=center, desk="1", user=None)
    response = client.post(
        _url("walkins:staff-ticket-call"), {"center": center.pk, "desk": "1"}, follow=True
    )
    html = response.content.decode()
    assert "Desk 1 is still serving number 001: mark it first." in html
    assert re.search(r'id="mine-number">001<', html)  # with its served / did not come buttons
    assert Ticket.objects.get(number=2).status == Status.WAITING


def test_did_not_come_call_again_and_cancel(client, network, manager):
    center = network.center_a1
    first, second = take(center, 2)
    ticket_call_next(center=center, desk="1", user=manager)
    again = client.post(_url("walkins:staff-ticket-recall", first.pk), follow=True)
    assert "Number 001 is called to desk 1 again." in again.content.decode()
    client.post(_url("walkins:staff-ticket-finish", first.pk), {"outcome": "left"})
    first.refresh_from_db()
    assert (first.status, first.call_count) == (Status.LEFT, 2)
    client.post(_url("walkins:staff-ticket-cancel", second.pk))
    second.refresh_from_db()
    assert second.status == Status.CANCELLED
    assert "Nobody is waiting." in client.get(URL).content.decode()


def test_acting_on_a_number_that_already_ended_is_explained(client, network, manager):
    (ticket,) = take(network.center_a1)
    response = client.post(
        _url("walkins:staff-ticket-finish", ticket.pk), {"outcome": "served"}, follow=True
    )
    assert response.status_code == 200
    assert "Number 001 is not called at a desk now." in response.content.decode()
    bad = client.post(_url("walkins:staff-ticket-finish", ticket.pk), {"outcome": "maybe"})
    assert bad.status_code == 302
    assert Ticket.objects.get().status == Status.WAITING


def test_unknown_tickets_are_not_found(client, manager):
    for name in ("staff-ticket-finish", "staff-ticket-recall", "staff-ticket-cancel"):
        assert client.post(_url(f"walkins:{name}", 999999)).status_code == 404
    assert client.get(_url("walkins:staff-ticket-slip", 999999)).status_code == 404
    huge = "9" * 30
    assert client.post(f"/en/staff/queue/tickets/{huge}/cancel/").status_code == 404


def test_get_on_an_action_is_not_allowed(client, manager):
    assert client.get(_url("walkins:staff-ticket-take")).status_code == 405


def test_a_center_manager_cannot_touch_another_centers_queue(client, network, manager):
    (other,) = take(network.center_a2)
    assert client.get(f"{URL}?center={network.center_a2.pk}").status_code == 404
    assert client.get(f"{URL}?center=abc").status_code == 404
    for name, data in (
        ("walkins:staff-ticket-take", {"center": network.center_a2.pk}),
        ("walkins:staff-ticket-call", {"center": network.center_a2.pk, "desk": "1"}),
    ):
        assert client.post(_url(name), data).status_code == 404
    assert client.post(_url("walkins:staff-ticket-cancel", other.pk)).status_code == 404
    assert client.get(_url("walkins:staff-ticket-slip", other.pk)).status_code == 404
    other.refresh_from_db()
    assert other.status == Status.WAITING
    assert Ticket.objects.filter(center=network.center_a2).count() == 1


def test_the_national_office_picks_any_center(client, network):
    client.force_login(network.users[Role.NATIONAL])
    page = client.get(URL).content.decode()
    assert 'id="center-picker"' in page
    client.post(_url("walkins:staff-ticket-take"), {"center": network.center_b2.pk})
    assert Ticket.objects.get().center == network.center_b2
    page = client.get(f"{URL}?center={network.center_b2.pk}").content.decode()
    assert "001" in page
    # The center is remembered for the next visit.
    assert f'value="{network.center_b2.pk}" selected' in client.get(URL).content.decode()


def test_a_manager_of_two_centers_sees_only_theirs(client, network):
    user = UserFactory(username="two")
    role_assign(user=user, role=Role.CENTER, center_id=network.center_a1.pk)
    role_assign(user=user, role=Role.CENTER, center_id=network.center_a2.pk)
    client.force_login(user)
    page = client.get(URL).content.decode()
    assert network.center_a2.name_en in page
    assert network.center_b1.name_en not in page


def test_the_console_shows_other_desks_and_the_waiting_list(client, network, manager):
    center = network.center_a1
    take(center, 4)
    ticket_call_next(center=center, desk="2", user=None)
    html = client.get(URL).content.decode()
    others = html[html.index('id="others-title"') : html.index('id="waiting-title"')]
    assert "001" in others
    waiting = html[html.index('id="waiting-title"') :]
    assert all(n in waiting for n in ("002", "003", "004"))
    assert "<strong>3</strong> people waiting" in html
    assert reverse("walkins:hall-screen", args=[center.code]) in html


def test_the_console_pins_its_query_count(client, network, manager, django_assert_max_num_queries):
    center = network.center_a1
    take(center, 12)
    for desk in "123":
        ticket_call_next(center=center, desk=desk, user=None)
    with django_assert_max_num_queries(10):
        response = client.get(URL)
    assert response.status_code == 200
