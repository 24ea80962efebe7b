"""Reads of the walk-in queue: the line, the desks, and how long a new number will wait.

A day's queue at one center is a few hundred rows at most: it is read in one query and
counted in Python, which keeps the hall screen's polling to two queries.
"""

import datetime
import math
from dataclasses import dataclass

from django.db.models import QuerySet

from bilim.accounts.selectors import Capability, Scope
from bilim.centers.models import Center
from bilim.helpdesk.selectors import helpdesk_center_choices

from .models import Ticket

Status = Ticket.Status

# Until someone is served today, a consultation is assumed to take this long.
DEFAULT_SERVICE_MINUTES = 10
# How long the hall screen highlights the number just called.
HIGHLIGHT_SECONDS = 60
# How many of the next numbers the hall screen lists (it must fit a 720-pixel-high TV).
NEXT_ON_SCREEN = 8


def _desk_order(ticket: Ticket) -> tuple[int, int, str]:
    """Desks 1, 2, 10 in that order, then lettered ones."""
    desk = ticket.desk
    return (0, int(desk), "") if desk.isdigit() else (1, 0, desk.casefold())


@dataclass(frozen=True)
class TicketPosition:
    """Where a ticket stands: the people before it and the minutes it may still wait."""

    ticket: Ticket
    ahead: int
    estimated_wait_minutes: int


@dataclass(frozen=True)
class DayQueue:
    """One center's queue today: who waits, who is at a desk, how fast desks serve."""

    waiting: list[Ticket]
    serving: list[Ticket]
    served: int
    average_service_minutes: float
    desks_active: int

    def estimate(self, ahead: int) -> int:
        """Minutes until a person with `ahead` people before them is likely called."""
        if ahead <= 0:
            return 0
        return math.ceil(self.average_service_minutes * ahead / self.desks_active)

    def position(self, ticket: Ticket) -> TicketPosition:
        """Where a ticket of this queue stands; a ticket no longer waiting has nobody ahead."""
        if ticket.status != Status.WAITING:
            return TicketPosition(ticket=ticket, ahead=0, estimated_wait_minutes=0)
        ahead = sum(1 for t in self.waiting if t.number < ticket.number)
        return TicketPosition(
            ticket=ticket, ahead=ahead, estimated_wait_minutes=self.estimate(ahead)
        )


def day_queue(*, center: Center, today: datetime.date) -> DayQueue:
    """Return a center's queue of the day, read in one query."""
    tickets = list(
        Ticket.objects.filter(center=center, day=today)
        .select_related("category")
        .order_by("number")
    )
    served = [t for t in tickets if t.status == Status.SERVED and t.called_at and t.finished_at]
    durations = [
        (t.finished_at - t.called_at).total_seconds() / 60
        for t in served
        if t.finished_at and t.called_at
    ]
    average = sum(durations) / len(durations) if durations else DEFAULT_SERVICE_MINUTES
    return DayQueue(
        waiting=[t for t in tickets if t.status == Status.WAITING],
        serving=sorted((t for t in tickets if t.status == Status.CALLED), key=_desk_order),
        served=len(served),
        # A click on "served" seconds after the call must not promise a zero-minute wait.
        average_service_minutes=max(1.0, average),
        desks_active=max(1, len({t.desk for t in tickets if t.desk})),
    )


@dataclass(frozen=True)
class QueueSummary:
    """What the staff home shows for a center: the line, the desks and the expected wait."""

    waiting: int
    serving: tuple[Ticket, ...]
    estimated_wait_minutes: int
    served_today: int
    average_service_minutes: int
    desks_active: int


def queue_summary(*, center: Center, today: datetime.date) -> QueueSummary:
    """Return people waiting, numbers at desks and the wait for a new number at a center."""
    queue = day_queue(center=center, today=today)
    return QueueSummary(
        waiting=len(queue.waiting),
        serving=tuple(queue.serving),
        estimated_wait_minutes=queue.estimate(len(queue.waiting)),
        served_today=queue.served,
        average_service_minutes=round(queue.average_service_minutes),
        desks_active=queue.desks_active,
    )


def wait_estimate(*, center: Center, today: datetime.date, ahead: int) -> int:
    """Return the minutes a person with `ahead` people before them is likely to wait."""
    return day_queue(center=center, today=today).estimate(ahead)


@dataclass(frozen=True)
class WaitingTicket:
    ticket: Ticket
    ahead: int
    minutes_waited: int


def waiting_list(queue: DayQueue, *, now: datetime.datetime) -> list[WaitingTicket]:
    """Return the waiting tickets in order, each with the minutes it has waited."""
    return [
        WaitingTicket(
            ticket=t,
            ahead=index,
            minutes_waited=max(0, int((now - t.created_at).total_seconds() // 60)),
        )
        for index, t in enumerate(queue.waiting)
    ]


@dataclass(frozen=True)
class HallBoard:
    """What the screen in the hall shows: numbers and desks only, never a person."""

    center: Center
    serving: list[Ticket]
    next_numbers: list[Ticket]
    waiting: int
    estimated_wait_minutes: int
    latest: Ticket | None
    highlight: bool
    # Changes with every call and "call again": the screen announces a new key only.
    key: str


def hall_board(*, center: Center, today: datetime.date, now: datetime.datetime) -> HallBoard:
    """Return the hall screen's board: numbers at the desks, the next ones, the wait."""
    queue = day_queue(center=center, today=today)
    latest = max(
        (t for t in queue.serving if t.announced_at),
        key=lambda t: (t.announced_at, t.pk),
        default=None,
    )
    recent = bool(
        latest
        and latest.announced_at
        and (now - latest.announced_at).total_seconds() <= HIGHLIGHT_SECONDS
    )
    return HallBoard(
        center=center,
        serving=queue.serving,
        next_numbers=queue.waiting[:NEXT_ON_SCREEN],
        waiting=len(queue.waiting),
        estimated_wait_minutes=queue.estimate(len(queue.waiting)),
        latest=latest,
        highlight=recent,
        key=f"{latest.pk}.{latest.call_count}" if latest else "",
    )


def ticket_position(*, ticket: Ticket) -> TicketPosition:
    """Return how many people are before a ticket and how long it may still wait."""
    return day_queue(center=ticket.center, today=ticket.day).position(ticket)


def desk_ticket(queue: DayQueue, *, desk: str) -> Ticket | None:
    """Return the ticket a desk is serving now, if any."""
    return next((t for t in queue.serving if t.desk == desk), None)


def queue_center_choices(*, scope: Scope) -> QuerySet[Center]:
    """Return the centers whose queue this scope may run (the same as their help desk)."""
    return helpdesk_center_choices(scope=scope)


def staff_ticket_get(*, scope: Scope, pk: int) -> Ticket:
    """Return a ticket of a center whose queue the scope runs; DoesNotExist otherwise."""
    if not scope.can(Capability.LOG_CONSULTATIONS):
        raise Ticket.DoesNotExist
    tickets = scope.filter(
        Ticket.objects.select_related("center", "category"),
        region="center__district__region",
        center="center",
    )
    return tickets.get(pk=pk)


def public_queue_center_get(*, code: str) -> Center:
    """Return an open center for its hall screen; DoesNotExist for any other."""
    return Center.objects.get(code=code, status=Center.Status.OPEN)


def public_ticket_get(*, code: str) -> Ticket:
    """Return the ticket a slip's code names, with its center."""
    return Ticket.objects.select_related("center").get(code=code.upper())
