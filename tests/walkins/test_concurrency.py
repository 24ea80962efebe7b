"""Receptionists taking numbers and desks calling at the same moment, on PostgreSQL.

Threads with their own database connections start together at a barrier. The reads are
slowed down on purpose so that every thread reads before any writes: with the locks the
numbers stay unique and each person is called once; the control runs, with the locks
switched off, must go wrong, which shows the tests can catch the fault they are about.
"""

import re
import threading
import time

import pytest
import requests
from django.db import connection, connections
from django.test import Client
from django.urls import reverse

from bilim.accounts.models import Role
from bilim.walkins import services
from bilim.walkins.errors import WalkinsError
from bilim.walkins.models import Ticket
from bilim.walkins.services import ticket_call_next, ticket_take
from tests.walkins.conftest import take

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite runs one write at a time, so no lock is exercised",
    ),
]

THREADS = 8
PAUSE = 0.3  # seconds between reading and writing: every thread reads before any writes
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _together(work, count: int = THREADS) -> tuple[list, list[Exception]]:
    """Run work(i) in `count` threads released at once; return results and errors."""
    barrier = threading.Barrier(count)
    results: list = []
    failures: list[Exception] = []
    lock = threading.Lock()

    def run(index: int) -> None:
        barrier.wait()
        try:
            result = work(index)
        except Exception as error:  # collected and asserted on by the test
            with lock:
                failures.append(error)
        else:
            with lock:
                results.append(result)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results, failures


def _slow(function):
    def slowed(**kwargs):
        result = function(**kwargs)
        time.sleep(PAUSE)
        return result

    return slowed


def test_numbers_taken_at_once_are_all_different(network, monkeypatch):
    monkeypatch.setattr(services, "_last_number", _slow(services._last_number))
    center = network.center_a1
    results, failures = _together(lambda i: ticket_take(center=center).number)
    assert failures == []
    assert sorted(results) == list(range(1, THREADS + 1))


def test_control_without_the_center_lock_numbers_clash(network, monkeypatch):
    monkeypatch.setattr(services, "_last_number", _slow(services._last_number))
    monkeypatch.setattr(services, "_lock_center", lambda center: None)
    center = network.center_a1
    results, failures = _together(lambda i: ticket_take(center=center).number)
    # Everyone read "no number yet": one got 1, the database refused the others' 1.
    assert results == [1]
    assert len(failures) == THREADS - 1
    assert all(isinstance(f, WalkinsError) for f in failures)


def test_desks_calling_at_once_each_get_a_different_person(network, monkeypatch):
    monkeypatch.setattr(services, "_oldest_waiting", _slow(services._oldest_waiting))
    center = network.center_a1
    take(center, THREADS + 2)
    results, failures = _together(
        lambda i: ticket_call_next(center=center, desk=str(i + 1), user=None).pk
    )
    assert failures == []
    assert len(set(results)) == THREADS
    called = Ticket.objects.filter(status=Ticket.Status.CALLED)
    assert sorted(called.values_list("number", flat=True)) == list(range(1, THREADS + 1))
    assert len(set(called.values_list("desk", flat=True))) == THREADS


def test_control_without_skip_locked_two_desks_call_the_same_person(network, monkeypatch):
    def unlocked(*, center, day):
        return (
            Ticket.objects.filter(center=center, day=day, status=Ticket.Status.WAITING)
            .order_by("number")
            .first()
        )

    monkeypatch.setattr(services, "_oldest_waiting", _slow(unlocked))
    center = network.center_a1
    take(center, THREADS + 2)
    results, failures = _together(
        lambda i: ticket_call_next(center=center, desk=str(i + 1), user=None).pk
    )
    assert failures == []
    assert len(set(results)) < len(results), "without the lock desks should share a ticket"


def test_two_receptionists_pressing_take_at_once_over_http(live_server, network):
    """The real stack: the live server answers each request in its own thread."""
    manager = network.users[Role.CENTER]
    path = reverse("walkins:staff-queue")
    sessions = []
    for _ in range(THREADS):
        client = Client()
        client.force_login(manager)
        browser = requests.Session()
        browser.cookies.set("sessionid", client.cookies["sessionid"].value)
        page = browser.get(live_server.url + path, timeout=30)
        match = CSRF_INPUT.search(page.text)
        assert match
        sessions.append((browser, match.group(1)))
    url = live_server.url + reverse("walkins:staff-ticket-take")

    def press(index: int) -> int:
        browser, token = sessions[index]
        data = {"csrfmiddlewaretoken": token, "center": network.center_a1.pk}
        response = browser.post(
            url, data=data, headers={"Referer": url}, allow_redirects=False, timeout=60
        )
        return int(response.status_code)

    statuses, failures = _together(press)
    assert failures == []
    assert statuses == [302] * THREADS
    numbers = Ticket.objects.filter(center=network.center_a1).values_list("number", flat=True)
    assert sorted(numbers) == list(range(1, THREADS + 1))
