"""What the queue tells people: the line, the desks, and the wait for a new number."""

import datetime

from django.utils import timezone

from bilim.walkins.selectors import (
    DEFAULT_SERVICE_MINUTES,
    NEXT_ON_SCREEN,
    day_queue,
    hall_board,
    queue_summary,
    ticket_position,
    wait_estimate,
    waiting_list,
)
from bilim.walkins.services import ticket_call_next, ticket_cancel, ticket_recall
from tests.walkins.conftest import MINUTE, serve, take

SECONDS_10 = datetime.timedelta(seconds=10)


def _today():
    return timezone.localdate()


def test_before_anyone_is_served_the_estimate_uses_the_default(network):
    take(network.center_a1, 3)
    assert DEFAULT_SERVICE_MINUTES == 10
    assert wait_estimate(center=network.center_a1, today=_today(), ahead=3) == 30
    assert wait_estimate(center=network.center_a1, today=_today(), ahead=0) == 0


def test_the_estimate_is_average_service_times_people_ahead_over_active_desks(network):
    center = network.center_a1
    serve(center, [6], desk="1")
    serve(center, [10], desk="2")  # average 8 minutes, two desks active today
    take(center, 3)
    summary = queue_summary(center=center, today=_today())
    assert summary.waiting == 3
    assert summary.average_service_minutes == 8
    assert summary.desks_active == 2
    assert summary.served_today == 2
    assert summary.estimated_wait_minutes == 12  # 8 × 3 ÷ 2
    assert wait_estimate(center=center, today=_today(), ahead=1) == 4


def test_yesterday_and_other_centers_do_not_change_todays_estimate(network):
    serve(network.center_a1, [40], at=timezone.now() - datetime.timedelta(days=1))
    serve(network.center_a2, [40])
    take(network.center_a1, 2)
    assert queue_summary(center=network.center_a1, today=_today()).estimated_wait_minutes == 20


def test_a_quick_click_on_served_does_not_promise_no_wait(network):
    serve(network.center_a1, [0])
    take(network.center_a1, 2)
    assert queue_summary(center=network.center_a1, today=_today()).estimated_wait_minutes == 2


def test_queue_summary_lists_the_numbers_at_each_desk_in_desk_order(
    network, django_assert_num_queries
):
    center = network.center_a1
    take(center, 4)
    for desk in ("10", "2", "B"):
        ticket_call_next(center=center, desk=desk, user=None)
    with django_assert_num_queries(1):
        summary = queue_summary(center=center, today=_today())
    assert [(t.desk, t.display_number) for t in summary.serving] == [
        ("2", "002"),
        ("10", "001"),
        ("B", "003"),
    ]
    assert summary.waiting == 1


def test_waiting_list_is_in_order_with_minutes_waited(network):
    center = network.center_a1
    now = timezone.now()
    first, second, third = take(center, 3, at=now - 25 * MINUTE)
    ticket_cancel(center=center, ticket=second)
    rows = waiting_list(day_queue(center=center, today=_today()), now=now)
    assert [(r.ticket, r.ahead, r.minutes_waited) for r in rows] == [(first, 0, 25), (third, 1, 23)]


def test_a_ticket_knows_the_people_ahead_of_it(network):
    center = network.center_a1
    first, second, third, fourth = take(center, 4)
    ticket_cancel(center=center, ticket=second)
    ticket_call_next(center=center, desk="1", user=None)  # the first one
    position = ticket_position(ticket=fourth)
    assert (position.ahead, position.estimated_wait_minutes) == (1, 10)
    third.refresh_from_db()
    assert ticket_position(ticket=third).ahead == 0
    first.refresh_from_db()
    assert ticket_position(ticket=first).ahead == 0  # no longer waiting


def test_hall_board_highlights_the_number_just_called_for_a_minute(network):
    center = network.center_a1
    take(center, NEXT_ON_SCREEN + 3)
    now = timezone.now()
    ticket_call_next(center=center, desk="1", user=None, now=now - 5 * MINUTE)
    latest = ticket_call_next(center=center, desk="2", user=None, now=now - SECONDS_10)
    board = hall_board(center=center, today=_today(), now=now)
    assert board.latest == latest and board.highlight
    assert [t.number for t in board.next_numbers] == list(range(3, 3 + NEXT_ON_SCREEN))
    assert board.waiting == NEXT_ON_SCREEN + 1
    later = hall_board(center=center, today=_today(), now=now + 2 * MINUTE)
    assert later.latest == latest and not later.highlight
    assert later.key == board.key


def test_call_again_changes_the_announcement_key(network):
    center = network.center_a1
    take(center, 2)
    first = ticket_call_next(center=center, desk="1", user=None, now=timezone.now() - MINUTE)
    ticket_call_next(center=center, desk="2", user=None, now=timezone.now() - SECONDS_10)
    before = hall_board(center=center, today=_today(), now=timezone.now())
    assert before.latest != first
    ticket_recall(center=center, ticket=first)
    after = hall_board(center=center, today=_today(), now=timezone.now())
    assert after.latest == first and after.highlight
    assert after.key != before.key


def test_an_empty_queue_has_an_empty_board(network):
    board = hall_board(center=network.center_b2, today=_today(), now=timezone.now())
    assert (board.serving, board.next_numbers, board.latest, board.key) == ([], [], None, "")
    assert board.estimated_wait_minutes == 0
