"""The demo's day at the manager's center: what the staff home's "Today at" section shows."""

import datetime
import inspect
from decimal import Decimal

import pytest
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.accounts.selectors import scope_for
from bilim.accounts.services import role_assign
from bilim.attendance.models import Attendance
from bilim.demo.network import load_demo_network
from bilim.demo.today import LATER_PROGRAM, STARTED_PROGRAM, load_today
from bilim.notifications.models import Message
from bilim.registrations.models import Registration
from bilim.scheduling.models import Offering, Session, SpaceBooking
from bilim.web.day import center_day
from tests.factories import ProgramFactory, RoomFactory, UserFactory
from tests.scheduling.factories import SessionFactory


def local(day: str, hhmm: str) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.fromisoformat(f"{day}T{hhmm}"))


@pytest.fixture
def demo_manager(network):
    """The demo's manager at a center with two rooms, and the two programs of the day."""
    user = UserFactory(username="center")
    role_assign(user=user, role=Role.CENTER, center_id=network.center_a1.pk)
    RoomFactory(center=network.center_a1, capacity=12)
    RoomFactory(center=network.center_a1, capacity=25)
    ProgramFactory(code=STARTED_PROGRAM, session_count=1, hours=Decimal("2.0"))
    ProgramFactory(code=LATER_PROGRAM, session_count=2, hours=Decimal("3.0"))
    return user


def _day(user, center, now):
    return center_day(user=user, scope=scope_for(user), center=center, now=now)


def _counts():
    return (
        Offering.objects.count(),
        Session.objects.count(),
        Registration.objects.count(),
        Attendance.objects.count(),
        SpaceBooking.objects.count(),
        Message.objects.count(),
    )


def test_a_mid_morning_day_has_a_started_group_a_later_one_a_request_and_a_failure(
    network, demo_manager
):
    now = local("2026-03-04", "11:40")
    load_today(now=now)
    day = _day(demo_manager, network.center_a1, now)
    started, later = day.sessions
    assert timezone.localtime(started.starts_at).time() == datetime.time(10, 30)
    assert (started.started, started.registered, started.waiting, started.checked_in) == (
        True,
        10,
        2,
        5,
    )
    assert timezone.localtime(later.starts_at).time() == datetime.time(14)
    assert (later.started, later.registered, later.checked_in) == (False, 5, 0)
    assert (later.position, later.series_length) == (2, 2)  # the group met last week
    last_week = later.offering.sessions.get(starts_at__lt=later.starts_at)
    assert last_week.starts_at == later.starts_at - datetime.timedelta(weeks=1)
    assert last_week.attendances.count() == 4
    assert started.room != later.room
    assert day.waiting_bookings == 1
    [booking] = day.next_bookings
    assert timezone.localdate(booking.starts_at) == datetime.date(2026, 3, 11)  # next Wednesday
    assert day.messages.failed == 1
    failed = Message.objects.get(status=Message.Status.FAILED)
    assert failed.center == network.center_a1
    assert failed.attempts == 6 and "503" in failed.last_error
    assert failed.recipient.startswith("+9967")


def test_loading_twice_on_one_day_adds_nothing(network, demo_manager):
    load_today(now=local("2026-03-04", "09:20"))
    counts = _counts()
    load_today(now=local("2026-03-04", "16:00"))
    assert _counts() == counts


def test_late_at_night_the_group_started_and_nothing_starts_after_midnight(network, demo_manager):
    now = local("2026-03-04", "23:50")
    load_today(now=now)
    [session] = _day(demo_manager, network.center_a1, now).sessions
    assert session.started and session.checked_in == 5
    assert timezone.localdate(session.ends_at) == now.date()


def test_just_after_midnight_one_group_has_started_and_one_has_not(network, demo_manager):
    now = local("2026-03-04", "00:10")
    load_today(now=now)
    started, later = _day(demo_manager, network.center_a1, now).sessions
    assert timezone.localtime(started.starts_at) == local("2026-03-04", "00:00")
    assert started.started and not later.started


def test_when_every_room_is_taken_the_groups_still_meet(network, demo_manager):
    for room in network.center_a1.rooms.all():
        SessionFactory(
            room=room,
            offering__center=network.center_a1,
            starts_at=local("2026-03-04", "08:00"),
            ends_at=local("2026-03-04", "18:00"),
        )
    now = local("2026-03-04", "11:40")
    load_today(now=now)
    ours = Session.objects.filter(
        offering__program__code__in=[STARTED_PROGRAM, LATER_PROGRAM],
        starts_at__gte=local("2026-03-04", "00:00"),
    )
    assert ours.count() == 2
    assert set(ours.values_list("room", flat=True)) == {None}


def test_without_the_demo_manager_nothing_is_loaded(network):
    load_today(now=local("2026-03-04", "11:40"))
    assert not SpaceBooking.objects.exists()
    assert not Message.objects.exists()


def test_the_demo_network_loads_the_day_last():
    # Loading the whole demo takes seconds (test_load_demo does it once); here the wiring.
    body = inspect.getsource(load_demo_network).rstrip().splitlines()
    assert body[-1].strip() == "load_today(now=timezone.now())"
