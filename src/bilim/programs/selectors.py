"""Reads of the program catalog."""

from django.db.models import Q, QuerySet

from bilim.accounts.selectors import Capability, Scope
from bilim.partners.models import Partner

from .models import Audience, Program, Theme

# Statuses only the national office and the proposing partner see.
PROPOSAL_STATUSES = (Program.Status.PROPOSED, Program.Status.DECLINED)


def published_program_list() -> QuerySet[Program]:
    """Return the published programs, with direction and lead partner."""
    return Program.objects.filter(status=Program.Status.PUBLISHED).select_related(
        "direction", "lead_partner"
    )


def program_list(*, scope: Scope, status: str | None = None) -> QuerySet[Program]:
    """Return the programs a staff member may see: all, or their partner's own.

    Partners' proposals (and declined ones) are seen by the national office and by
    the partner that made them, not by the centers.
    """
    if not scope.can(Capability.VIEW_PROGRAMS):
        return Program.objects.none()
    qs = Program.objects.select_related("direction", "lead_partner").order_by("code")
    if status:
        qs = qs.filter(status=status)
    if not scope.can(Capability.MANAGE_PROGRAMS):
        qs = qs.filter(
            ~Q(status__in=PROPOSAL_STATUSES) | Q(proposed_by__in=list(scope.partner_ids))
        )
    if scope.network_wide or scope.region_ids or scope.center_ids:
        # Centers and regions deliver the whole catalog.
        return qs
    return scope.filter(qs, partner=("lead_partner", "partners"))


def program_get(*, scope: Scope, code: str) -> Program:
    """Return one program in scope with its links and materials; raises Program.DoesNotExist."""
    return (
        program_list(scope=scope)
        .select_related("proposed_by", "decided_by")
        .prefetch_related("themes", "audiences", "partners", "materials")
        .get(code=code)
    )


def proposal_list(*, scope: Scope) -> QuerySet[Program]:
    """Return the partners' program proposals waiting for the national office, oldest first."""
    if not scope.can(Capability.MANAGE_PROGRAMS):
        return Program.objects.none()
    return (
        Program.objects.filter(status=Program.Status.PROPOSED)
        .select_related("direction", "lead_partner")
        .order_by("pk")
    )


def partner_of(*, scope: Scope) -> Partner | None:
    """Return the partner a coordinator proposes for (the first, if they coordinate several)."""
    if not scope.can(Capability.PROPOSE_PROGRAMS) or not scope.partner_ids:
        return None
    return Partner.objects.filter(pk__in=scope.partner_ids).order_by("pk").first()


def audience_list() -> QuerySet[Audience]:
    """Return the target audiences in their order."""
    return Audience.objects.all()


def theme_list() -> QuerySet[Theme]:
    """Return the themes in their order."""
    return Theme.objects.all()
