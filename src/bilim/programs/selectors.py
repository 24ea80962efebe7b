"""Reads of the program catalog."""

from django.db.models import QuerySet

from bilim.accounts.selectors import Capability, Scope

from .models import Program


def published_program_list() -> QuerySet[Program]:
    """Return the published programs, with direction and lead partner."""
    return Program.objects.filter(status=Program.Status.PUBLISHED).select_related(
        "direction", "lead_partner"
    )


def program_list(*, scope: Scope) -> QuerySet[Program]:
    """Return the programs a staff member may see: all, or their partner's own."""
    if not scope.can(Capability.VIEW_PROGRAMS):
        return Program.objects.none()
    qs = Program.objects.select_related("direction", "lead_partner").order_by("code")
    if scope.network_wide or scope.region_ids or scope.center_ids:
        # Centers and regions deliver the whole catalog.
        return qs
    return scope.filter(qs, partner=("lead_partner", "partners"))
