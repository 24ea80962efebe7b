"""Reads of the administrative units."""

from django.db.models import QuerySet

from .models import District, Region


def region_list() -> QuerySet[Region]:
    """Return all regions in code order."""
    return Region.objects.all()


def district_list(*, region: Region | None = None) -> QuerySet[District]:
    """Return districts, optionally of one region, with their region loaded."""
    qs = District.objects.select_related("region")
    if region is not None:
        qs = qs.filter(region=region)
    return qs
