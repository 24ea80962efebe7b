"""The queue's rules: numbering per center and day, calling in order, and how a call ends."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.centers.models import Center
from bilim.walkins.errors import WalkinsError
from bilim.walkins.models import Ticket
from bilim.walkins.services import (
    ticket_call_next,
    ticket_cancel,
    ticket_finish,
    ticket_recall,
    ticket_take,
)
from tests.walkins.conftest import MINUTE, local, take

Status = Ticket.Status


def test_numbers_start_at_one_and_each_center_counts_its_own(network, category):
    first, second = take(network.center_a1, 2)
    other = ticket_take(center=network.center_a2, category=category)
    assert (first.number, second.number, other.number) == (1, 2, 1)
    assert first.display_number == "001"
    assert other.category == category
    assert first.status == Status.WAITING
    assert first.code != second.code and len(first.code) == 10


def test_numbering_restarts_each_local_day(network):
    earlier = ticket_take(center=network.center_a1, now=local("2026-03-02", "09:00"))
    late = ticket_take(center=network.center_a1, now=local("2026-03-02", "23:50"))
    # 00:05 in Bishkek is still the previous day in UTC: the local day counts.
    morning = ticket_take(center=network.center_a1, now=local("2026-03-03", "00:05"))
    assert (earlier.number, late.number, morning.number) == (1, 2, 1)
    assert str(morning.day) == "2026-03-03"


def test_a_closed_center_takes_no_numbers(network):
    network.center_b1.status = Center.Status.CLOSED
    network.center_b1.save()
    with pytest.raises(WalkinsError):
        ticket_take(center=network.center_b1)
    assert not Ticket.objects.exists()


def test_a_retired_service_cannot_be_chosen(network, category):
    category.active = False
    category.save()
    with pytest.raises(WalkinsError) as error:
        ticket_take(center=network.center_a1, category=category)
    assert error.value.field == "category"


def test_call_next_takes_the_oldest_waiting_number(network):
    manager = network.users[Role.CENTER]
    first, second, third = take(network.center_a1, 3)
    ticket_cancel(center=network.center_a1, ticket=first)
    called = ticket_call_next(center=network.center_a1, desk=" 2 ", user=manager)
    assert called == second
    assert (called.status, called.desk, called.called_by) == (Status.CALLED, "2", manager)
    assert called.called_at == called.announced_at and called.call_count == 1
    at_desk_3 = ticket_call_next(center=network.center_a1, desk="3", user=manager)
    assert at_desk_3 == third


def test_a_desk_serving_someone_cannot_call_the_next(network):
    center = network.center_a1
    first, _ = take(center, 2)
    ticket_call_next(center=center, desk="1", user=None)
    with pytest.raises(WalkinsError) as error:
        ticket_call_next(center=center, desk="1", user=None)
    assert error.value.message == "Desk 1 is still serving number 001: mark it first."
    ticket_finish(center=center, ticket=first, outcome="served")
    assert ticket_call_next(center=center, desk="1", user=None).number == 2


def test_nobody_waiting_is_reported_and_yesterday_does_not_count(network):
    center = network.center_a1
    ticket_take(center=center, now=timezone.now() - 24 * 60 * MINUTE)
    with pytest.raises(WalkinsError) as error:
        ticket_call_next(center=center, desk="1", user=None)
    assert error.value.message == "Nobody is waiting."


@pytest.mark.parametrize(("desk", "field"), [("", "desk"), ("   ", "desk"), ("x" * 11, "desk")])
def test_a_desk_must_be_named_briefly(network, desk, field):
    take(network.center_a1)
    with pytest.raises(WalkinsError) as error:
        ticket_call_next(center=network.center_a1, desk=desk, user=None)
    assert error.value.field == field
    assert Ticket.objects.get().status == Status.WAITING


def test_spaces_in_a_desk_label_are_collapsed(network):
    take(network.center_a1)
    called = ticket_call_next(center=network.center_a1, desk="  Room   B ", user=None)
    assert called.desk == "Room B"


@pytest.mark.parametrize("outcome", ["served", "left"])
def test_a_called_number_ends_served_or_not_come(network, outcome):
    center = network.center_a1
    take(center)
    called = ticket_call_next(center=center, desk="1", user=None)
    finished = ticket_finish(center=center, ticket=called, outcome=outcome)
    assert finished.status == outcome
    assert finished.finished_at is not None
    with pytest.raises(WalkinsError):  # already ended
        ticket_finish(center=center, ticket=finished, outcome="served")


def test_only_a_called_number_can_be_finished_and_only_as_served_or_left(network):
    center = network.center_a1
    (waiting,) = take(center)
    with pytest.raises(WalkinsError):
        ticket_finish(center=center, ticket=waiting, outcome="served")
    called = ticket_call_next(center=center, desk="1", user=None)
    with pytest.raises(WalkinsError):
        ticket_finish(center=center, ticket=called, outcome="cancelled")
    assert Ticket.objects.get().status == Status.CALLED


def test_call_again_announces_once_more_but_keeps_the_first_call_time(network):
    center = network.center_a1
    take(center)
    called = ticket_call_next(center=center, desk="1", user=None, now=timezone.now() - MINUTE)
    again = ticket_recall(center=center, ticket=called)
    assert again.call_count == 2
    assert again.announced_at and again.called_at
    assert again.announced_at > again.called_at == called.called_at
    ticket_finish(center=center, ticket=again, outcome="left")
    with pytest.raises(WalkinsError):
        ticket_recall(center=center, ticket=again)


def test_cancel_takes_a_waiting_number_out_of_the_line(network):
    center = network.center_a1
    first, second = take(center, 2)
    cancelled = ticket_cancel(center=center, ticket=first)
    assert cancelled.status == Status.CANCELLED and cancelled.finished_at
    assert ticket_call_next(center=center, desk="1", user=None) == second
    with pytest.raises(WalkinsError):  # a called number is ended with served / did not come
        ticket_cancel(center=center, ticket=second)


@pytest.mark.parametrize("action", ["finish", "recall", "cancel"])
def test_a_number_of_another_center_is_refused(network, action):
    (ticket,) = take(network.center_a2)
    if action != "cancel":
        ticket = ticket_call_next(center=network.center_a2, desk="1", user=None)
    calls = {
        "finish": lambda: ticket_finish(center=network.center_a1, ticket=ticket, outcome="served"),
        "recall": lambda: ticket_recall(center=network.center_a1, ticket=ticket),
        "cancel": lambda: ticket_cancel(center=network.center_a1, ticket=ticket),
    }
    with pytest.raises(WalkinsError) as error:
        calls[action]()
    assert error.value.message == "This number belongs to another center."
    ticket.refresh_from_db()
    assert ticket.status == (Status.WAITING if action == "cancel" else Status.CALLED)


def test_the_database_refuses_a_number_twice_on_one_day(network):
    (ticket,) = take(network.center_a1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Ticket.objects.create(
            center=ticket.center, day=ticket.day, number=1, created_at=ticket.created_at
        )


def test_the_database_refuses_two_called_numbers_at_one_desk(network):
    _, second = take(network.center_a1, 2)
    ticket_call_next(center=network.center_a1, desk="1", user=None)
    second.status, second.desk, second.called_at = Status.CALLED, "1", timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
