"""Figures shown on the public home page and the staff home pages."""

from dataclasses import dataclass

from django.db.models import Count, Q

from bilim.accounts.selectors import Scope
from bilim.centers.models import Center
from bilim.centers.selectors import center_list, public_center_list
from bilim.partners.selectors import active_partner_list
from bilim.programs.models import Program
from bilim.programs.selectors import program_list, published_program_list


@dataclass(frozen=True)
class NetworkFigures:
    open_centers: int
    programs: int
    partners: int


def network_figures() -> NetworkFigures:
    """Return the headline numbers of the network."""
    return NetworkFigures(
        open_centers=public_center_list().count(),
        programs=published_program_list().count(),
        partners=active_partner_list().count(),
    )


@dataclass(frozen=True)
class StaffFigures:
    centers_by_status: dict[str, int]
    programs_by_status: dict[str, int]


def staff_figures(*, scope: Scope) -> StaffFigures:
    """Return counts of the centers and programs within a staff member's scope."""
    centers = center_list(scope=scope).order_by().values("status").annotate(n=Count("pk"))
    programs = program_list(scope=scope).aggregate(
        **{status: Count("pk", filter=Q(status=status)) for status in Program.Status.values}
    )
    by_status = {row["status"]: row["n"] for row in centers}
    return StaffFigures(
        centers_by_status={s: by_status.get(s, 0) for s in Center.Status.values},
        programs_by_status=programs,
    )
