"""Many people signing up at once, through a running server, on PostgreSQL.

200 real HTTP requests for 50 places: exactly 50 confirmed and 150 waiting in order, none
lost. The control run switches the row lock off and must overbook, which shows the test
can catch the fault it is about.
"""

import http.cookiejar
import re
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from bilim.registrations.models import Registration
from tests.registrations.factories import UpcomingOfferingFactory

REQUESTS = 200
PLACES = 50
Status = Registration.Status

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _postgresql_only(settings):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one write at a time; the race needs PostgreSQL")
    settings.SIGN_UP_RATE = "10000/h"
    settings.SMS_BACKEND = "bilim.notifications.sms.ConsoleBackend"


def _burst(live_server, offering) -> list[int]:
    """Fire REQUESTS sign-ups at once from 40 threads; return the HTTP statuses."""
    url = f"{live_server.url}/ru/offerings/{offering.pk}/register/"
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(url).read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert csrf is not None
    cookie = "; ".join(f"{c.name}={c.value}" for c in jar)

    def sign_up(n: int) -> int:
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": csrf.group(1),
                "name": f"Участник {n}",
                "phone": f"0555{n:06d}",
                "sex": "female",
                "disability": "no",
                "language": "ru",
                "consent": "on",
                "request_id": f"burst-{n}",
            }
        ).encode()
        headers = {"Cookie": cookie, "Referer": url}
        request = urllib.request.Request(url, data=data, headers=headers, method="POST")  # noqa: S310 - the live server's address
        no_redirect = urllib.request.build_opener(_NoRedirect)
        # The test server's listen queue is short: a connection it resets is sent again
        # with the same request id, as a browser's retry would be.
        for _attempt in range(5):
            try:
                with no_redirect.open(request, timeout=60) as response:
                    return int(response.status)
            except urllib.error.HTTPError as error:
                return error.code
            except ConnectionResetError:
                continue
            except urllib.error.URLError as error:
                if not isinstance(error.reason, ConnectionResetError):
                    raise
        raise ConnectionResetError(f"sign-up {n} was reset five times")

    with ThreadPoolExecutor(max_workers=40) as pool:
        return list(pool.map(sign_up, range(REQUESTS)))


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_burst_of_sign_ups_never_overbooks_and_loses_nobody(live_server):
    offering = UpcomingOfferingFactory.create(capacity=PLACES, days=7)
    statuses = _burst(live_server, offering)
    assert statuses == [302] * REQUESTS  # every person was taken to their registration
    registrations = Registration.objects.filter(offering=offering)
    assert registrations.count() == REQUESTS
    assert registrations.filter(status=Status.CONFIRMED).count() == PLACES
    waiting = list(registrations.filter(status=Status.WAITLISTED).order_by("waitlisted_at", "pk"))
    assert len(waiting) == REQUESTS - PLACES
    # In order: nobody who joined the waitlist later stands before an earlier one,
    # and every waiting person joined after the last place was given.
    joined = [r.waitlisted_at for r in waiting]
    assert None not in joined
    assert joined == sorted(filter(None, joined))
    last_confirmed = registrations.filter(status=Status.CONFIRMED).order_by("-pk").first()
    assert last_confirmed is not None
    assert all(r.pk > last_confirmed.pk for r in waiting)
    offering.refresh_from_db()
    assert offering.confirmed_count == PLACES


def test_control_without_the_lock_the_same_burst_overbooks(live_server, settings):
    settings.REGISTRATION_LOCKING = False
    offering = UpcomingOfferingFactory.create(capacity=PLACES, days=7)
    _burst(live_server, offering)
    confirmed = Registration.objects.filter(offering=offering, status=Status.CONFIRMED).count()
    assert confirmed > PLACES, "without the lock the race should have given away too many places"
