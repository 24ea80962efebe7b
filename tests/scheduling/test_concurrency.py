"""Two people book the same room at the same moment, through the real HTTP stack."""

import re
import threading

import pytest
import requests
from django.db import connection
from django.test import Client
from django.urls import reverse

from bilim.accounts.models import Role
from bilim.scheduling.models import Session
from tests.scheduling.factories import OfferingFactory, next_weekday

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite serialises every write, so the row lock is not exercised",
)

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _signed_in(live_server, user, path):
    """A requests session with the user's session cookie, and the form's CSRF token."""
    client = Client()
    client.force_login(user)
    browser = requests.Session()
    browser.cookies.set("sessionid", client.cookies["sessionid"].value)
    page = browser.get(live_server.url + path, timeout=30)
    assert page.status_code == 200
    match = CSRF_INPUT.search(page.text)
    assert match
    return browser, match.group(1)


def test_two_simultaneous_bookings_of_one_room_let_exactly_one_through(live_server, network, room):
    manager = network.users[Role.CENTER]
    tuesday = next_weekday(1)
    offerings = [OfferingFactory(center=network.center_a1) for _ in range(2)]
    starts = ["18:00", "18:30"]  # overlapping, not identical
    prepared = []
    for offering, start in zip(offerings, starts, strict=True):
        path = reverse("scheduling:staff-offering-series", args=[offering.pk])
        browser, token = _signed_in(live_server, manager, path)
        data = {
            "csrfmiddlewaretoken": token,
            "weekdays": ["1"],
            "starts": start,
            "ends": "19:30",
            "first_day": tuesday.isoformat(),
            "weeks": "3",
            "room": str(room.pk),
        }
        prepared.append((browser, live_server.url + path, data))

    barrier = threading.Barrier(len(prepared))
    responses: list[requests.Response | None] = [None] * len(prepared)

    def post(index: int) -> None:
        browser, url, data = prepared[index]
        barrier.wait()
        responses[index] = browser.post(url, data=data, headers={"Referer": url}, timeout=60)

    threads = [threading.Thread(target=post, args=(i,)) for i in range(len(prepared))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    answered = [r for r in responses if r is not None]
    assert len(answered) == len(responses) and all(r.status_code == 200 for r in answered)
    succeeded = [r for r in answered if 'class="error-summary"' not in r.text]
    refused = [r for r in answered if 'class="error-summary"' in r.text]
    assert len(succeeded) == 1
    assert len(refused) == 1
    assert room.name_ky in refused[0].text  # "The room … is already taken from … to …"
    per_offering = [Session.objects.filter(offering=o).count() for o in offerings]
    assert sorted(per_offering) == [0, 3]
