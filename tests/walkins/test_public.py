"""The hall screen and the citizen's page: public, numbers only, refreshed in parts."""

import pytest
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.centers.models import Center
from bilim.walkins.services import ticket_call_next, ticket_finish, ticket_recall
from tests.walkins.conftest import MINUTE, take

HTMX = {"HTTP_HX_REQUEST": "true"}


def _screen(center):
    return f"/en/centers/{center.code}/queue/screen/"


def test_the_hall_screen_is_public_unindexed_and_refreshes_itself(client, network):
    response = client.get(_screen(network.center_a1))
    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert '<noscript><meta http-equiv="refresh" content="15"></noscript>' in html
    assert 'hx-trigger="every 5s"' in html
    assert 'id="hall-announce" class="visually-hidden" aria-live="polite"' in html
    assert "htmx.min.js" in html


def test_the_screen_shows_numbers_at_desks_the_next_numbers_and_the_wait(
    client, network, category, django_assert_max_num_queries
):
    center = network.center_a1
    take(center, 5, category=category)
    ticket_call_next(center=center, desk="1", user=network.users[Role.CENTER])
    ticket_call_next(center=center, desk="2", user=None)
    with django_assert_max_num_queries(3):
        html = client.get(_screen(center)).content.decode()
    serving = html[html.index('id="serving-title"') : html.index('id="next-title"')]
    assert "001" in serving
    highlighted = serving[serving.index('class="just-called"') :]
    assert highlighted.index("002") < highlighted.index("</tr>")  # the one called last
    upcoming = html[html.index('id="next-title"') :]
    assert all(n in upcoming for n in ("003", "004", "005"))
    assert "about 15 min" in upcoming  # 3 people × 10 minutes (nobody served yet) ÷ 2 desks
    # Numbers and desks only: no service, no staff name.
    assert category.name_en not in html
    manager = network.users[Role.CENTER]
    manager.first_name, manager.last_name = "Нургүл", "Асанова"
    manager.save()
    html = client.get(_screen(center)).content.decode()
    assert "Асанова" not in html


def test_an_htmx_poll_gets_only_the_board_and_an_announcement_when_something_changed(
    client, network
):
    center = network.center_a1
    take(center, 2)
    first = ticket_call_next(center=center, desk="4", user=None)
    part = client.get(_screen(center), {"seen": ""}, **HTMX).content.decode()
    assert "<html" not in part and 'id="board"' in part
    assert 'id="hall-announce" hx-swap-oob="innerHTML"' in part
    assert "Number 001, please go to desk 4." in part
    key = f"{first.pk}.1"
    assert f'name="seen" value="{key}"' in part
    # Polling again with what the screen already announced: nothing new to say.
    quiet = client.get(_screen(center), {"seen": key}, **HTMX).content.decode()
    assert "hx-swap-oob" not in quiet
    # "Call again" is announced again.
    ticket_recall(center=center, ticket=first)
    again = client.get(_screen(center), {"seen": key}, **HTMX).content.decode()
    assert "Number 001, please go to desk 4." in again


@pytest.mark.parametrize("status", [Center.Status.CLOSED, Center.Status.PLANNED])
def test_a_center_that_is_not_open_has_no_screen(client, network, status):
    network.center_b1.status = status
    network.center_b1.save()
    assert client.get(_screen(network.center_b1)).status_code == 404
    assert client.get("/en/centers/no-such/queue/screen/").status_code == 404


def test_the_screen_says_so_when_nobody_is_called_or_waiting(client, network):
    html = client.get(_screen(network.center_b2)).content.decode()
    assert "No number is called yet." in html
    assert "Nobody is waiting." in html
    assert "no wait" in html


def test_the_citizen_page_shows_people_ahead_then_the_desk(client, network):
    center = network.center_a1
    first, second = take(center, 2)
    url = f"/en/q/{second.code}/"
    html = client.get(url).content.decode()
    assert "Your number 002" in html
    assert "People ahead</dt><dd>1<" in html
    assert "about 10 min" in html
    assert 'hx-trigger="every 10s"' in html
    ticket_call_next(center=center, desk="1", user=None)
    ticket_finish(center=center, ticket=first, outcome="served")
    ticket_call_next(center=center, desk="7", user=None)
    part = client.get(url.lower(), {"seen": "waiting..0"}, **HTMX).content.decode()
    assert "<html" not in part
    assert "It is your turn!" in part and "<strong>7</strong>" in part
    assert "Number 002: it is your turn. Please go to desk 7." in part
    response = client.get(url)
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_citizen_page_of_an_old_or_ended_number_stops_refreshing(client, network):
    (old,) = take(network.center_a1, at=timezone.now() - 24 * 60 * MINUTE)
    html = client.get(f"/en/q/{old.code}/").content.decode()
    assert "This number was for" in html
    assert "hx-trigger" not in html and "http-equiv" not in html
    (today,) = take(network.center_a2)
    called = ticket_call_next(center=network.center_a2, desk="1", user=None)
    ticket_finish(center=network.center_a2, ticket=called, outcome="left")
    ended = client.get(f"/en/q/{today.code}/").content.decode()
    assert "This number is no longer in the queue." in ended


@pytest.mark.parametrize("code", ["AAAAAAAAAA", "x" * 40, "%00"])
def test_an_unknown_code_is_not_found(client, db, code):
    assert client.get(f"/en/q/{code}/").status_code in (400, 404)
