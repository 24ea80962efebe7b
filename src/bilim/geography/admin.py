from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import District, Region


@admin.register(Region)
class RegionAdmin(TranslationAdmin[Region]):
    list_display = ("code", "name", "kind", "population", "population_year")


@admin.register(District)
class DistrictAdmin(TranslationAdmin[District]):
    list_display = ("code", "name", "region", "kind", "population", "population_year")
    list_filter = ("region", "kind")
