"""Moving a person to another group: their old place passes on, the new one is theirs or waits."""

import datetime
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.utils import timezone, translation

from bilim.notifications.models import Message
from bilim.registrations.errors import RegistrationError
from bilim.registrations.models import Registration
from bilim.registrations.services import (
    registration_cancel,
    registration_move,
)
from tests.factories import UserFactory
from tests.registrations.factories import UpcomingOfferingFactory, register

Status = Registration.Status
NOW = timezone.now()


def _offering(capacity: int, days: int = 7, **fields):
    return UpcomingOfferingFactory.create(capacity=capacity, days=days, now=NOW, **fields)


def _register(offering, n: int, **changes) -> Registration:
    return register(offering, n, birth_year=1955, now=NOW, **changes)


@pytest.fixture
def operator(db):
    return UserFactory(username="operator")


def test_move_frees_the_place_for_the_first_waiting_and_books_the_new_group(operator):
    old = _offering(capacity=1)
    new = _offering(capacity=5, days=14, program=old.program)
    moving = _register(old, 1)
    waiting = _register(old, 2)
    assert waiting.status == Status.WAITLISTED

    outcome = registration_move(registration=moving, to_offering=new, entered_by=operator, now=NOW)

    moving.refresh_from_db()
    waiting.refresh_from_db()
    old.refresh_from_db()
    new.refresh_from_db()
    assert moving.status == Status.CANCELLED
    # A week ahead: the freed place is offered to the first waiting person and held.
    assert waiting.status == Status.OFFERED
    assert Message.objects.filter(kind="waitlist-offer", recipient="+996700000002").exists()
    assert old.confirmed_count == 1
    assert outcome.registration.status == Status.CONFIRMED
    assert outcome.registration.offering == new
    assert outcome.registration.participant_id == moving.participant_id
    assert new.confirmed_count == 1
    # The person is told of their new group.
    assert Message.objects.filter(
        kind="confirmation", recipient="+996700000001", body__contains=new.program.title_ky
    ).exists()


def test_moved_registration_records_the_operator_and_keeps_the_answers(operator):
    old = _offering(capacity=3)
    new = _offering(capacity=3, days=10, program=old.program)
    moving = _register(old, 1, disability="yes", access_needs=("large_print",))

    created = registration_move(
        registration=moving, to_offering=new, entered_by=operator, now=NOW
    ).registration

    assert created.channel == Registration.Channel.PHONE
    assert created.entered_by == operator
    assert (created.sex, created.age_band, created.disability, created.access_needs) == (
        moving.sex,
        moving.age_band,
        moving.disability,
        ["large_print"],
    )


def test_moving_into_a_full_group_puts_the_person_on_its_waitlist(operator):
    old = _offering(capacity=3)
    full = _offering(capacity=1, days=10, program=old.program)
    _register(full, 5)
    moving = _register(old, 1)

    outcome = registration_move(registration=moving, to_offering=full, entered_by=operator, now=NOW)

    assert outcome.registration.status == Status.WAITLISTED
    assert outcome.position == 1
    old.refresh_from_db()
    assert old.confirmed_count == 0


def test_a_waiting_person_moved_away_frees_no_place(operator):
    old = _offering(capacity=1)
    new = _offering(capacity=3, days=10, program=old.program)
    holder = _register(old, 1)
    waiting = _register(old, 2)

    registration_move(registration=waiting, to_offering=new, entered_by=operator, now=NOW)

    holder.refresh_from_db()
    old.refresh_from_db()
    assert holder.status == Status.CONFIRMED
    assert old.confirmed_count == 1


@pytest.mark.parametrize(
    ("case", "message"),
    [
        ("same", "already registered for this group"),
        ("cancelled", "This registration is cancelled"),
        ("closed", "Registration for this group is closed"),
        ("there", "already has a registration in that group"),
    ],
)
def test_a_move_that_breaks_a_rule_is_refused_and_changes_nothing(operator, case, message):
    old = _offering(capacity=2)
    new = _offering(capacity=2, days=10, program=old.program)
    moving = _register(old, 1)
    target = new
    if case == "same":
        target = old
    elif case == "cancelled":
        registration_cancel(registration=moving, now=NOW)
    elif case == "closed":
        new.registration_closes = NOW - datetime.timedelta(hours=1)
        new.save(update_fields=["registration_closes"])
    elif case == "there":
        _register(new, 1)
    before = list(Registration.objects.values_list("pk", "status").order_by("pk"))

    with translation.override("en"), pytest.raises(RegistrationError, match=message):
        registration_move(registration=moving, to_offering=target, entered_by=operator, now=NOW)

    assert list(Registration.objects.values_list("pk", "status").order_by("pk")) == before


@pytest.mark.django_db(transaction=True)
def test_moves_in_opposite_directions_at_once_neither_deadlock_nor_lose_a_place():
    if connection.vendor != "postgresql":
        pytest.skip("SQLite runs one write at a time; the race needs PostgreSQL")
    operator = UserFactory(username="operator")
    east = _offering(capacity=20)
    west = _offering(capacity=20, days=9, program=east.program)
    pairs = [(_register(east, n), west) for n in range(1, 9)]
    pairs += [(_register(west, n), east) for n in range(11, 19)]
    start = threading.Barrier(len(pairs))

    def move(pair) -> str:
        registration, target = pair
        try:
            start.wait()
            registration_move(registration=registration, to_offering=target, entered_by=operator)
            return "moved"
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(pairs)) as pool:
        assert list(pool.map(move, pairs)) == ["moved"] * len(pairs)
    for offering in (east, west):
        offering.refresh_from_db()
        confirmed = offering.registrations.filter(status=Status.CONFIRMED).count()
        assert offering.confirmed_count == confirmed == 8
