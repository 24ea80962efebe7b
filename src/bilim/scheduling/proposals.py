"""Partners' proposals of offerings, and the national office's decision on them.

The one module of the programs app that reaches up into scheduling (the issue asks the
catalog's staff pages to carry these proposals); it only calls scheduling's own services,
so it can move to scheduling unchanged.
"""

from django.db import transaction
from django.db.models import Prefetch, Q, QuerySet

from bilim.accounts.selectors import Capability, Scope
from bilim.centers.models import Center, Room
from bilim.partners.models import Partner
from bilim.programs.errors import (
    DECLINE_NEEDS_COMMENT,
    NOT_A_PROPOSAL,
    NOT_PARTNERS_PROGRAM,
    ProgramsError,
)
from bilim.programs.models import Program

from .errors import SchedulingError
from .models import Offering, Session
from .services import (
    Series,
    offering_add_series,
    offering_cancel,
    offering_create,
    offering_publish,
)

_SESSIONS = Prefetch(
    "sessions",
    queryset=Session.objects.filter(status=Session.Status.SCHEDULED).select_related("room"),
    to_attr="scheduled_sessions",
)


def proposable_programs(*, partner: Partner) -> QuerySet[Program]:
    """Return the published programs a partner leads or co-delivers: those it may offer."""
    return (
        Program.objects.filter(
            Q(lead_partner=partner) | Q(partners=partner), status=Program.Status.PUBLISHED
        )
        .distinct()
        .order_by("code")
    )


def offering_proposal_list(*, scope: Scope) -> QuerySet[Offering]:
    """Return the offerings partners proposed that wait for the national office, oldest first."""
    if not scope.can(Capability.MANAGE_PROGRAMS):
        return Offering.objects.none()
    return (
        Offering.objects.filter(status=Offering.Status.PROPOSED, proposed_by__isnull=False)
        .select_related("program", "center", "proposed_by")
        .prefetch_related(_SESSIONS)
        .order_by("pk")
    )


def partner_offering_list(*, partner: Partner) -> QuerySet[Offering]:
    """Return the offerings a partner proposed, newest first, whatever became of them."""
    return (
        Offering.objects.filter(proposed_by=partner)
        .select_related("program", "center")
        .prefetch_related(_SESSIONS)
        .order_by("-pk")
    )


@transaction.atomic
def offering_propose(
    *,
    partner: Partner,
    program: Program,
    center: Center | None,
    format: str,
    language: str,
    capacity: int,
    series: Series | None = None,
    room: Room | None = None,
) -> Offering:
    """Propose an offering of one of the partner's programs, with its sessions if dated.

    Nothing takes a room until the national office approves: offering_publish then
    checks every session's room again.
    """
    if not proposable_programs(partner=partner).filter(pk=program.pk).exists():
        raise ProgramsError(NOT_PARTNERS_PROGRAM, field="program")
    offering = offering_create(
        program=program,
        center=center,
        format=format,
        language=language,
        capacity=capacity,
        proposed_by=partner,
    )
    if series is not None:
        offering_add_series(offering=offering, series=series, room=room)
    return offering


def _proposal(offering: Offering) -> Offering:
    offering = Offering.objects.select_for_update().get(pk=offering.pk)
    if offering.status != Offering.Status.PROPOSED:
        raise ProgramsError(NOT_A_PROPOSAL)
    return offering


@transaction.atomic
def offering_approve(*, offering: Offering) -> Offering:
    """Publish a partner's offering; raises SchedulingError if a room was taken meanwhile."""
    return offering_publish(offering=_proposal(offering))


@transaction.atomic
def offering_decline(*, offering: Offering, reason: str) -> Offering:
    """Decline a partner's offering: it is cancelled, the reason kept on its sessions."""
    if not reason.strip():
        raise ProgramsError(DECLINE_NEEDS_COMMENT, field="comment")
    return offering_cancel(offering=_proposal(offering), reason=reason)


__all__ = [
    "SchedulingError",
    "offering_approve",
    "offering_decline",
    "offering_proposal_list",
    "offering_propose",
    "partner_offering_list",
    "proposable_programs",
]
