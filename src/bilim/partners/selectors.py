"""Reads of partners, their agreements and contributions, and partnership applications."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Count, Exists, Min, OuterRef, Prefetch, Q, QuerySet

from bilim.accounts.selectors import Capability, Scope

from .models import (
    EXPIRY_WARNING_DAYS,
    ApplicationEvent,
    Contribution,
    Direction,
    Partner,
    PartnershipApplication,
)

if TYPE_CHECKING:  # programs sits above partners: reached through its reverse relations only
    from bilim.programs.models import Program

# Program.Status.PUBLISHED, named here because partners may not import programs.
PUBLISHED = "published"


def direction_list() -> QuerySet[Direction]:
    """Return the four directions in their display order."""
    return Direction.objects.all()


def active_partner_list() -> QuerySet[Partner]:
    """Return the active partners with their directions."""
    return Partner.objects.filter(is_active=True).prefetch_related("directions")


@dataclass(frozen=True)
class KindGroup:
    kind: str
    label: str
    partners: list[Partner]


def public_partner_groups(*, direction: Direction | None = None) -> list[KindGroup]:
    """Return the active partners grouped by kind in the kinds' order, optionally of a direction."""
    partners = active_partner_list().order_by("name")
    if direction is not None:
        partners = partners.filter(directions=direction)
    by_kind: dict[str, list[Partner]] = defaultdict(list)
    for partner in partners:
        by_kind[partner.kind].append(partner)
    return [
        KindGroup(kind=kind, label=str(label), partners=by_kind[kind])
        for kind, label in Partner.Kind.choices
        if by_kind[kind]
    ]


def public_partner_get(*, slug: str) -> Partner:
    """Return an active partner with its directions and regions; raises Partner.DoesNotExist."""
    return (
        Partner.objects.filter(is_active=True)
        .prefetch_related("directions", "regions")
        .get(slug=slug)
    )


def partner_programs(*, partner: Partner) -> "QuerySet[Program]":
    """Return the published programs a partner leads or co-delivers."""
    program = partner.led_programs.model
    return (
        program.objects.filter(Q(lead_partner=partner) | Q(partners=partner), status=PUBLISHED)
        .select_related("direction")
        .distinct()
        .order_by("code")
    )


def _in_scope(scope: Scope, partners: QuerySet[Partner]) -> QuerySet[Partner]:
    if not scope.can(Capability.VIEW_PARTNERS):
        return partners.none()
    if scope.network_wide:
        return partners
    covered = scope.filter(Partner.objects.all(), region="regions", partner="pk")
    condition = Q(pk__in=covered.values("pk"))
    if scope.region_ids:
        # A partner with no region listed works across the whole country: in every region.
        listed = Partner.objects.filter(pk=OuterRef("pk"), regions__isnull=False)
        condition |= Q(~Exists(listed))
    return partners.filter(condition)


def partner_list(
    *, scope: Scope, today: datetime.date, expiring_only: bool = False
) -> QuerySet[Partner]:
    """Return the partners a staff member's scope covers, for the staff list.

    Each row carries `expiring_on`: the end date of its first agreement ending within
    the warning period, or None.
    """
    soon = (today, today + datetime.timedelta(days=EXPIRY_WARNING_DAYS))
    partners = (
        _in_scope(scope, Partner.objects.all())
        .prefetch_related("directions", "regions")
        .annotate(
            expiring_on=Min(
                "agreements__valid_until", filter=Q(agreements__valid_until__range=soon)
            )
        )
        .order_by("name")
    )
    if expiring_only:
        partners = partners.filter(expiring_on__isnull=False)
    return partners


def partner_get(*, scope: Scope, slug: str) -> Partner:
    """Return one partner in scope with agreements and contributions; raises DoesNotExist."""
    return (
        _in_scope(scope, Partner.objects.all())
        .prefetch_related("directions", "regions", "agreements", "contributions")
        .get(slug=slug)
    )


def contribution_totals(*, contributions: list[Contribution]) -> dict[str, Decimal]:
    """Return the sums of the amounts recorded, by currency, from loaded contributions."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for contribution in contributions:
        if contribution.amount is not None:
            totals[contribution.currency] += contribution.amount
    return dict(sorted(totals.items()))


def application_list(
    *, scope: Scope, status: str | None = None
) -> QuerySet[PartnershipApplication]:
    """Return the partnership applications, newest first, optionally of one status."""
    if not scope.can(Capability.MANAGE_PARTNERS):
        return PartnershipApplication.objects.none()
    applications = PartnershipApplication.objects.select_related("partner").prefetch_related(
        "directions"
    )
    if status:
        applications = applications.filter(status=status)
    return applications


def application_counts(*, scope: Scope) -> dict[str, int]:
    """Return how many applications there are in each status."""
    counts = application_list(scope=scope).order_by().values("status").annotate(n=Count("pk"))
    by_status = {row["status"]: row["n"] for row in counts}
    return {status: by_status.get(status, 0) for status in PartnershipApplication.Status.values}


def application_get(*, scope: Scope, pk: int) -> PartnershipApplication:
    """Return one application with its review history; raises DoesNotExist."""
    return (
        application_list(scope=scope)
        .prefetch_related(
            "regions",
            Prefetch("events", queryset=ApplicationEvent.objects.select_related("author")),
        )
        .get(pk=pk)
    )
