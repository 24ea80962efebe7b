"""Read-only: regions and districts come only from the file shipped in the repository."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from bilim.core.admin import ReadOnlyAdmin

from .models import District, Region


@admin.register(Region)
class RegionAdmin(ReadOnlyAdmin[Region], TranslationAdmin[Region]):
    list_display = ("code", "name", "kind", "population", "population_year")


@admin.register(District)
class DistrictAdmin(ReadOnlyAdmin[District], TranslationAdmin[District]):
    list_display = ("code", "name", "region", "kind", "population", "population_year")
    list_filter = ("region", "kind")
