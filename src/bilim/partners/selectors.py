"""Reads of partners and the directions of work."""

from django.db.models import QuerySet

from .models import Direction, Partner


def direction_list() -> QuerySet[Direction]:
    """Return the four directions in their display order."""
    return Direction.objects.all()


def active_partner_list() -> QuerySet[Partner]:
    """Return the active partners with their directions."""
    return Partner.objects.filter(is_active=True).prefetch_related("directions")
