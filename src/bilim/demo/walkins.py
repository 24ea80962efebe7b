"""Today's walk-in queue at the demo manager's center and one more, for the hall screen.

Synthetic and deterministic for a given day: two desks served people through the last
hour or so, one number is at desk 1 now, a few wait. Loaded once a day: a second run
finds today's tickets and adds nothing.
"""

import datetime
import random

from django.utils import timezone

from bilim.accounts.models import Role, RoleAssignment, User
from bilim.centers.models import Center
from bilim.helpdesk.models import ServiceCategory
from bilim.helpdesk.reference import categories_ensure
from bilim.scheduling.models import local_datetime
from bilim.walkins.models import Ticket
from bilim.walkins.services import ticket_call_next, ticket_finish, ticket_take

MINUTE = datetime.timedelta(minutes=1)
# (tickets taken, of which still waiting) at the manager's center and at the second one.
PLANS = [(14, 5), (8, 3)]
DESKS = ["1", "2"]


def _centers() -> tuple[list[Center], User | None]:
    assignment = (
        RoleAssignment.objects.filter(role=Role.CENTER, user__username="center")
        .select_related("center", "user")
        .first()
    )
    if assignment is None or assignment.center is None:
        return [], None
    others = Center.objects.filter(status=Center.Status.OPEN).exclude(pk=assignment.center.pk)
    second = others.exclude(district=assignment.center.district).order_by("code").first()
    return [c for c in (assignment.center, second) if c is not None], assignment.user


def load_walkins(*, now: datetime.datetime | None = None) -> None:
    """Fill today's queue at one or two demo centers, unless it already has numbers."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    categories_ensure()
    categories = list(ServiceCategory.objects.filter(active=True).order_by("position", "code"))
    centers, user = _centers()
    for center, (taken, waiting) in zip(centers, PLANS, strict=False):
        if Ticket.objects.filter(center=center, day=today).exists():
            continue
        _queue(center, user, categories, now=now, taken=taken, waiting=waiting)


def _queue(
    center: Center,
    user: User | None,
    categories: list[ServiceCategory],
    *,
    now: datetime.datetime,
    taken: int,
    waiting: int,
) -> None:
    rng = random.Random(f"walkins-{center.code}-{timezone.localdate(now)}")
    midnight = local_datetime(timezone.localdate(now))
    start = max(midnight + MINUTE, now - 100 * MINUTE)
    step = (now - 2 * MINUTE - start) / taken
    tickets = [
        ticket_take(
            center=center,
            category=rng.choice(categories) if categories and rng.random() < 0.8 else None,
            now=start + index * step,
        )
        for index in range(taken)
    ]
    free_at = dict.fromkeys(DESKS, start)
    previous_call = start
    # Served (one did not come) in order, the last of them still at desk 1.
    handled = tickets[: taken - waiting]
    for index, ticket in enumerate(handled):
        last = index == len(handled) - 1
        desk = "1" if last else min(DESKS, key=lambda d: free_at[d])
        called_at = max(
            free_at[desk], previous_call, ticket.created_at + rng.randint(1, 4) * MINUTE
        )
        if called_at >= now:
            return  # a day just begun: the rest of the line is still waiting
        ticket_call_next(center=center, desk=desk, user=user, now=called_at)
        previous_call = called_at
        if last:
            return
        outcome = Ticket.Status.LEFT if index == 3 else Ticket.Status.SERVED
        minutes = 2 if outcome == Ticket.Status.LEFT else rng.randint(5, 14)
        finished_at = max(called_at, min(called_at + minutes * MINUTE, now - MINUTE))
        ticket_finish(center=center, ticket=ticket, outcome=outcome, now=finished_at)
        free_at[desk] = finished_at
