"""Read-only: programs, their materials, audiences and themes change on the staff pages."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from bilim.core.admin import ReadOnlyAdmin, ReadOnlyPermissions

from .models import Audience, Program, ProgramMaterial, Theme


# modeltranslation's inline bases disagree on get_readonly_fields's signature, not ours.
class ProgramMaterialInline(  # type: ignore[misc]
    ReadOnlyPermissions, TranslationTabularInline[ProgramMaterial, Program]
):
    model = ProgramMaterial
    extra = 0
    fields = ("position", "kind", "title", "file", "url", "language")


@admin.register(Program)
class ProgramAdmin(ReadOnlyAdmin[Program], TranslationAdmin[Program]):
    list_display = ("code", "title", "direction", "activity_type", "status", "proposed_by")
    list_filter = ("status", "direction", "activity_type")
    search_fields = ("code", "title_ky", "title_ru", "title_en")
    inlines = [ProgramMaterialInline]


@admin.register(Audience)
class AudienceAdmin(ReadOnlyAdmin[Audience], TranslationAdmin[Audience]):
    list_display = ("name", "code")


@admin.register(Theme)
class ThemeAdmin(ReadOnlyAdmin[Theme], TranslationAdmin[Theme]):
    list_display = ("name", "code")
