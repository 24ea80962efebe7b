"""Reads of centers, public and scoped."""

from django.db.models import Count, Q, QuerySet

from bilim.accounts.selectors import Scope
from bilim.geography.models import Region

from .models import Center

CENTER_SCOPE = {"region": "district__region", "center": "pk"}


def center_list(*, scope: Scope) -> QuerySet[Center]:
    """Return the centers a staff member's scope covers, with district and region."""
    return scope.filter(Center.objects.select_related("district__region"), **CENTER_SCOPE)


def center_table(*, scope: Scope) -> QuerySet[Center]:
    """Return the scoped centers with their number of rooms, for the staff list."""
    return center_list(scope=scope).annotate(room_count=Count("rooms", distinct=True))


def center_get(*, scope: Scope, code: str) -> Center:
    """Return one center in scope; raises Center.DoesNotExist outside it."""
    return center_list(scope=scope).prefetch_related("rooms").get(code=code)


def public_center_list() -> QuerySet[Center]:
    """Return the open centers, as anyone may see them."""
    return Center.objects.filter(status=Center.Status.OPEN).select_related("district__region")


def region_center_counts() -> QuerySet[Region]:
    """Return every region with the number of its open centers."""
    return Region.objects.annotate(
        open_centers=Count(
            "districts__centers", filter=Q(districts__centers__status=Center.Status.OPEN)
        )
    ).order_by("code")
