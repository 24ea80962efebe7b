from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Direction, Partner


@admin.register(Direction)
class DirectionAdmin(TranslationAdmin[Direction]):
    list_display = ("code", "name", "position")


@admin.register(Partner)
class PartnerAdmin(TranslationAdmin[Partner]):
    list_display = ("slug", "name", "kind", "is_active")
    list_filter = ("kind", "directions")
    search_fields = ("slug", "name_ky", "name_ru", "name_en")
