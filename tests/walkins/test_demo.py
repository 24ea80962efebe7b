"""The demo's queue: plausible for today at the demo manager's center, loaded once a day."""

import inspect

import pytest

from bilim.accounts.models import Role
from bilim.accounts.services import role_assign
from bilim.demo.network import load_demo_network
from bilim.demo.walkins import load_walkins
from bilim.walkins.models import Ticket
from bilim.walkins.selectors import queue_summary
from tests.factories import UserFactory
from tests.walkins.conftest import local

Status = Ticket.Status


@pytest.fixture
def demo_manager(network):
    user = UserFactory(username="center")
    role_assign(user=user, role=Role.CENTER, center_id=network.center_a1.pk)
    return user


def _statuses(center, day):
    return list(
        Ticket.objects.filter(center=center, day=day)
        .order_by("number")
        .values_list("status", flat=True)
    )


def test_a_mid_morning_queue_is_served_called_and_waiting(network, demo_manager):
    now = local("2026-03-04", "11:30")
    load_walkins(now=now)
    statuses = _statuses(network.center_a1, now.date())
    assert len(statuses) == 14
    assert statuses.count(Status.SERVED) >= 5
    assert statuses.count(Status.LEFT) == 1
    assert statuses.count(Status.CALLED) == 1
    assert statuses[-5:] == [Status.WAITING] * 5
    summary = queue_summary(center=network.center_a1, today=now.date())
    assert [t.desk for t in summary.serving] == ["1"]
    assert summary.desks_active == 2
    assert 5 <= summary.average_service_minutes <= 14
    # A second center in another district has its own, smaller queue.
    other = Ticket.objects.exclude(center=network.center_a1).values_list("center", flat=True)
    assert len(set(other)) == 1 and len(other) == 8
    assert all(t.called_at and t.called_at <= now for t in Ticket.objects.exclude(called_at=None))
    assert all(
        t.finished_at and t.finished_at <= now for t in Ticket.objects.exclude(finished_at=None)
    )


def test_loading_twice_on_one_day_adds_nothing(network, demo_manager):
    now = local("2026-03-04", "15:00")
    load_walkins(now=now)
    count = Ticket.objects.count()
    load_walkins(now=local("2026-03-04", "16:00"))
    assert Ticket.objects.count() == count
    load_walkins(now=local("2026-03-05", "10:00"))  # a new day gets its own queue
    assert Ticket.objects.filter(day="2026-03-05").count() == count


def test_just_after_midnight_the_queue_stays_within_the_day(network, demo_manager):
    now = local("2026-03-04", "00:20")
    load_walkins(now=now)
    assert set(Ticket.objects.values_list("day", flat=True)) == {now.date()}
    assert Ticket.objects.filter(status=Status.WAITING).exists()


def test_without_the_demo_manager_nothing_is_loaded(network):
    load_walkins(now=local("2026-03-04", "11:30"))
    assert not Ticket.objects.exists()


def test_the_demo_network_loads_the_queue_last():
    # Loading the whole demo takes seconds (tests/demo does it once); here only the wiring.
    body = inspect.getsource(load_demo_network).rstrip().splitlines()
    assert any(line.strip() == "load_walkins()" for line in body)
