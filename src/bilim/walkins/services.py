"""Writes of the walk-in queue.

Numbers are given one at a time per center (the center's row is locked), and a call takes
the oldest waiting ticket that no other desk is taking at that moment (SKIP LOCKED), so two
receptionists never hand out the same number and two desks never call the same person.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from bilim.accounts.models import User
from bilim.centers.models import Center
from bilim.helpdesk.models import ServiceCategory

from . import errors
from .errors import WalkinsError
from .models import DESK_MAX_LENGTH, Ticket

Status = Ticket.Status


def desk_clean(desk: str) -> str:
    """Return the desk label as stored (spaces collapsed), or refuse an empty or long one."""
    label = " ".join(desk.split())
    if not label:
        raise WalkinsError(errors.NO_DESK, field="desk")
    if len(label) > DESK_MAX_LENGTH:
        raise WalkinsError(errors.DESK_TOO_LONG, params={"max": DESK_MAX_LENGTH}, field="desk")
    return label


def _lock_center(center: Center) -> None:
    """Hold the center's row until commit, so numbers at one center are given one by one.

    FOR NO KEY UPDATE: rows elsewhere that refer to the center are still written meanwhile.
    """
    list(Center.objects.select_for_update(no_key=True).filter(pk=center.pk).values_list("pk"))


def _last_number(*, center: Center, day: datetime.date) -> int:
    last: int | None = Ticket.objects.filter(center=center, day=day).aggregate(m=Max("number"))["m"]
    return last or 0


def _oldest_waiting(*, center: Center, day: datetime.date) -> Ticket | None:
    """The first ticket in line that no other desk is calling right now (skipped if locked)."""
    return (
        Ticket.objects.select_for_update(skip_locked=True)
        .filter(center=center, day=day, status=Status.WAITING)
        .order_by("number")
        .first()
    )


def _locked(*, center: Center, ticket: Ticket) -> Ticket:
    if ticket.center_id != center.pk:
        raise WalkinsError(errors.OTHER_CENTER)
    return Ticket.objects.select_for_update().get(pk=ticket.pk)


@transaction.atomic
def ticket_take(
    *,
    center: Center,
    category: ServiceCategory | None = None,
    now: datetime.datetime | None = None,
) -> Ticket:
    """Give the next number of the day at a center (numbers restart at 1 each local day)."""
    now = now or timezone.now()
    if center.status == Center.Status.CLOSED:
        raise WalkinsError(errors.CENTER_CLOSED)
    if category is not None and not category.active:
        raise WalkinsError(errors.INACTIVE_CATEGORY, field="category")
    day = timezone.localdate(now)
    _lock_center(center)
    number = _last_number(center=center, day=day) + 1
    try:
        with transaction.atomic():
            return Ticket.objects.create(
                center=center, day=day, number=number, category=category, created_at=now
            )
    except IntegrityError:
        # Only if the lock was bypassed, or a one-in-a-trillion clash of slip codes.
        raise WalkinsError(errors.TRY_AGAIN) from None


@transaction.atomic
def ticket_call_next(
    *, center: Center, desk: str, user: User | None, now: datetime.datetime | None = None
) -> Ticket:
    """Call the oldest waiting ticket of the day to a desk that is free."""
    label = desk_clean(desk)
    now = now or timezone.now()
    day = timezone.localdate(now)
    busy = Ticket.objects.filter(center=center, day=day, desk=label, status=Status.CALLED).first()
    if busy is not None:
        raise WalkinsError(errors.DESK_BUSY, params={"desk": label, "number": busy.display_number})
    ticket = _oldest_waiting(center=center, day=day)
    if ticket is None:
        raise WalkinsError(errors.NOBODY_WAITING)
    ticket.status = Status.CALLED
    ticket.desk = label
    ticket.called_at = ticket.announced_at = now
    ticket.call_count = 1
    ticket.called_by = user
    try:
        with transaction.atomic():
            ticket.save(
                update_fields=[
                    "status",
                    "desk",
                    "called_at",
                    "announced_at",
                    "call_count",
                    "called_by",
                ]
            )
    except IntegrityError:
        # Another tab of the same desk called someone in the same instant.
        raise WalkinsError(errors.DESK_JUST_CALLED, params={"desk": label}) from None
    return ticket


@transaction.atomic
def ticket_finish(
    *, center: Center, ticket: Ticket, outcome: str, now: datetime.datetime | None = None
) -> Ticket:
    """Close a called ticket: the person was served, or did not come to the desk."""
    if outcome not in (Status.SERVED, Status.LEFT):
        raise WalkinsError(errors.BAD_OUTCOME)
    locked = _locked(center=center, ticket=ticket)
    if locked.status != Status.CALLED:
        raise WalkinsError(errors.NOT_CALLED, params={"number": locked.display_number})
    locked.status = outcome
    locked.finished_at = now or timezone.now()
    locked.save(update_fields=["status", "finished_at"])
    return locked


@transaction.atomic
def ticket_recall(
    *, center: Center, ticket: Ticket, now: datetime.datetime | None = None
) -> Ticket:
    """Call a called ticket again: the hall screen shows and announces it once more."""
    locked = _locked(center=center, ticket=ticket)
    if locked.status != Status.CALLED:
        raise WalkinsError(errors.NOT_CALLED, params={"number": locked.display_number})
    locked.announced_at = now or timezone.now()
    locked.call_count += 1
    locked.save(update_fields=["announced_at", "call_count"])
    return locked


@transaction.atomic
def ticket_cancel(
    *, center: Center, ticket: Ticket, now: datetime.datetime | None = None
) -> Ticket:
    """Take a waiting ticket out of the line (a slip taken by mistake, a person who left)."""
    locked = _locked(center=center, ticket=ticket)
    if locked.status != Status.WAITING:
        raise WalkinsError(errors.NOT_WAITING, params={"number": locked.display_number})
    locked.status = Status.CANCELLED
    locked.finished_at = now or timezone.now()
    locked.save(update_fields=["status", "finished_at"])
    return locked
