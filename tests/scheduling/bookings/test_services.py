"""Booking rules against the database: request, approve under the room lock, decline, check in."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.centers.models import Center
from bilim.notifications.models import Message
from bilim.scheduling.booking_selectors import booking_room_choices, open_events
from bilim.scheduling.errors import SchedulingError
from bilim.scheduling.models import SpaceBooking
from bilim.scheduling.selectors import center_week, week_start
from bilim.scheduling.services.bookings import (
    booking_approve,
    booking_check_in,
    booking_decline,
    booking_request,
    bookings_release_unclaimed,
)
from bilim.scheduling.services.occupancy import Slot, check_room_free
from tests.factories import RoomFactory
from tests.scheduling.factories import SessionFactory, SpaceBookingFactory, at

from .conftest import minutes_ago

Status = SpaceBooking.Status


def _request(center, **overrides):
    values = {
        "center": center,
        "purpose": SpaceBooking.Purpose.DEBATE_CLUB,
        "title": "Дебат клубу",
        "expected_attendance": 12,
        "starts_at": timezone.now() + datetime.timedelta(days=2),
        "ends_at": timezone.now() + datetime.timedelta(days=2, hours=2),
        "requester_name": "Нурлан Абдыкадыров",
        "phone": "+996 700 123 456",
        "language": "ru",
    }
    return booking_request(**{**values, **overrides})


def test_request_is_stored_pending_in_the_requesters_language(network, hall):
    booking = _request(network.center_a1)
    assert (booking.status, booking.language, booking.room) == (Status.PENDING, "ru", None)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"starts_at": minutes_ago(5), "ends_at": minutes_ago(-60)},
            "This time has already passed",
        ),
        (
            {"ends_at": timezone.now() + datetime.timedelta(days=1)},
            "The event must end after it starts.",
        ),
        ({"expected_attendance": 0}, "at least 1"),
        ({"expected_attendance": 31}, "The largest room of this center has 30 seats"),
    ],
)
def test_request_breaking_a_rule_is_refused(network, hall, overrides, message):
    with pytest.raises(SchedulingError, match=message):
        _request(network.center_a1, **overrides)
    assert not SpaceBooking.objects.exists()


def test_request_to_a_center_without_rooms_or_not_open_is_refused(network, hall):
    with pytest.raises(SchedulingError, match="no rooms"):
        _request(network.center_a2)
    Center.objects.filter(pk=network.center_a1.pk).update(status=Center.Status.SUSPENDED)
    network.center_a1.refresh_from_db()
    with pytest.raises(SchedulingError, match="does not take requests"):
        _request(network.center_a1)


def test_approval_gives_the_room_and_puts_the_booking_on_the_calendar(network, pending, hall):
    manager = network.users[Role.CENTER]
    booking = booking_approve(booking=pending, room=hall, decided_by=manager, publish=True)
    assert (booking.status, booking.room, booking.decided_by) == (Status.APPROVED, hall, manager)
    week = center_week(center=network.center_a1, monday=week_start(pending.starts_at.date()))
    entries = [e for day in week.days for e in day.entries]
    assert [(e.kind, e.pk, e.room) for e in entries] == [("booking", pending.pk, hall)]
    assert list(open_events(center=network.center_a1)) == [booking]


def test_approval_is_refused_when_a_published_session_takes_the_room(network, pending, hall):
    SessionFactory(
        offering__center=network.center_a1,
        room=hall,
        starts_at=pending.starts_at + datetime.timedelta(hours=1),
        ends_at=pending.ends_at + datetime.timedelta(hours=1),
    )
    with pytest.raises(SchedulingError, match="is already taken"):
        booking_approve(booking=pending, room=hall, decided_by=network.users[Role.CENTER])
    pending.refresh_from_db()
    assert (pending.status, pending.room) == (Status.PENDING, None)
    assert not Message.objects.exists()


def test_approval_is_refused_when_another_held_booking_takes_the_room(network, pending, hall):
    SpaceBookingFactory(
        center=network.center_a1,
        room=hall,
        status=Status.APPROVED,
        starts_at=pending.starts_at - datetime.timedelta(minutes=30),
        ends_at=pending.starts_at + datetime.timedelta(minutes=30),
    )
    with pytest.raises(SchedulingError, match="is already taken"):
        booking_approve(booking=pending, room=hall, decided_by=network.users[Role.CENTER])


def test_an_approved_booking_keeps_a_session_out_of_the_room(network, pending, hall):
    booking_approve(booking=pending, room=hall, decided_by=network.users[Role.CENTER])
    with pytest.raises(SchedulingError, match="is already taken"):
        check_room_free(room=hall, slot=Slot(pending.starts_at, pending.ends_at))


def test_approval_refuses_a_room_too_small_with_a_clear_message(network, pending, small_room):
    with pytest.raises(SchedulingError) as error:
        booking_approve(booking=pending, room=small_room, decided_by=network.users[Role.CENTER])
    assert "has 8 seats, and 15 people are expected" in error.value.message


def test_approval_refuses_a_room_of_another_center(network, pending):
    elsewhere = RoomFactory(center=network.center_a2, capacity=50)
    with pytest.raises(SchedulingError, match="another center"):
        booking_approve(booking=pending, room=elsewhere, decided_by=network.users[Role.CENTER])


def test_a_decided_request_cannot_be_decided_again(network, pending, hall):
    manager = network.users[Role.CENTER]
    booking_decline(booking=pending, reason="Залда ремонт", decided_by=manager)
    with pytest.raises(SchedulingError, match="already decided"):
        booking_approve(booking=pending, room=hall, decided_by=manager)


def test_declining_needs_a_reason(network, pending):
    with pytest.raises(SchedulingError, match="Say why"):
        booking_decline(booking=pending, reason="  ", decided_by=network.users[Role.CENTER])
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_room_choices_say_which_rooms_fit_and_are_free(network, pending, hall, small_room):
    SessionFactory(
        offering__center=network.center_a1,
        room=hall,
        starts_at=pending.starts_at,
        ends_at=pending.ends_at,
    )
    choices = {c.room: (c.big_enough, c.free) for c in booking_room_choices(booking=pending)}
    assert choices == {hall: (True, False), small_room: (False, True)}


# Check-in and release ----------------------------------------------------------------------


@pytest.fixture
def started(network, hall):
    """An approved booking in the hall that started 40 minutes ago, nobody checked in."""
    return SpaceBookingFactory(
        center=network.center_a1,
        room=hall,
        status=Status.APPROVED,
        publish=True,
        starts_at=minutes_ago(40),
        ends_at=minutes_ago(-80),
    )


def test_an_unclaimed_booking_frees_its_room_after_30_minutes(started, hall):
    rest_of_it = Slot(timezone.now(), started.ends_at)
    check_room_free(room=hall, slot=rest_of_it)  # no error: the room is free again
    assert not list(open_events(center=started.center))
    with pytest.raises(SchedulingError, match="room was released"):
        booking_check_in(booking=started)


def test_a_checked_in_booking_keeps_its_room_to_the_end(network, hall):
    booking = SpaceBookingFactory(
        center=network.center_a1,
        room=hall,
        status=Status.APPROVED,
        starts_at=minutes_ago(10),
        ends_at=minutes_ago(-110),
    )
    booking_check_in(booking=booking, now=timezone.now())
    later = timezone.now() + datetime.timedelta(minutes=60)
    assert bookings_release_unclaimed(now=later) == 0
    with pytest.raises(SchedulingError, match="is already taken"):
        check_room_free(room=hall, slot=Slot(later, booking.ends_at))


def test_check_in_opens_one_hour_before_the_start(network, pending, hall):
    booking = booking_approve(booking=pending, room=hall, decided_by=network.users[Role.CENTER])
    with pytest.raises(SchedulingError, match="one hour before"):
        booking_check_in(booking=booking, now=booking.starts_at - datetime.timedelta(hours=2))
    booking_check_in(booking=booking, now=booking.starts_at - datetime.timedelta(minutes=20))
    booking.refresh_from_db()
    assert booking.checked_in_at is not None


def test_only_an_approved_booking_can_be_checked_in(pending):
    with pytest.raises(SchedulingError, match="Only an approved"):
        booking_check_in(booking=pending, now=pending.starts_at)


def test_release_command_marks_unclaimed_bookings_released_once(network, started, hall, capsys):
    in_grace = SpaceBookingFactory(
        center=network.center_a1,
        room=RoomFactory(center=network.center_a1),
        status=Status.APPROVED,
        starts_at=minutes_ago(20),
        ends_at=minutes_ago(-60),
    )
    call_command("release_unclaimed_bookings")
    assert "1 booking(s) released." in capsys.readouterr().out
    started.refresh_from_db()
    in_grace.refresh_from_db()
    assert (started.status, in_grace.status) == (Status.RELEASED, Status.APPROVED)
    call_command("release_unclaimed_bookings")
    assert "0 booking(s) released." in capsys.readouterr().out


def test_approval_is_refused_once_the_event_has_started(network, pending, hall):
    with pytest.raises(SchedulingError, match="already started"):
        booking_approve(
            booking=pending,
            room=hall,
            decided_by=network.users[Role.CENTER],
            now=at(pending.starts_at.date(), 15, 5),
        )


def test_request_on_a_day_the_center_is_closed_is_refused(network, hall):
    from tests.scheduling.conftest import holiday

    day = timezone.localdate() + datetime.timedelta(days=3)
    holiday(network.center_a1, day, reason="Нооруз")
    with pytest.raises(SchedulingError, match=r"closed on .* \(Нооруз\)"):
        _request(network.center_a1, starts_at=at(day, 10), ends_at=at(day, 12))


def test_an_approved_event_not_published_is_not_listed(network, pending, hall):
    booking_approve(booking=pending, room=hall, decided_by=network.users[Role.CENTER])
    assert not list(open_events(center=network.center_a1))
