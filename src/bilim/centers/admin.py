"""Read-only: centers, their rooms and their status change only through the staff pages."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from bilim.core.admin import ReadOnlyAdmin, ReadOnlyPermissions

from .models import Center, Room


# modeltranslation's inline bases disagree on get_readonly_fields's signature, not ours.
class RoomInline(  # type: ignore[misc]
    ReadOnlyPermissions, TranslationTabularInline[Room, Center]
):
    model = Room
    extra = 0


@admin.register(Center)
class CenterAdmin(ReadOnlyAdmin[Center], TranslationAdmin[Center]):
    list_display = ("code", "name", "district", "status")
    list_filter = ("status", "district__region")
    search_fields = ("code", "name_ky", "name_ru", "name_en")
    inlines = [RoomInline]
