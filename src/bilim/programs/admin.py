from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import Audience, Program, ProgramMaterial, Theme


class ProgramMaterialInline(TranslationTabularInline[ProgramMaterial, Program]):
    model = ProgramMaterial
    extra = 0
    fields = ("position", "kind", "title", "file", "url", "language")


@admin.register(Program)
class ProgramAdmin(TranslationAdmin[Program]):
    list_display = ("code", "title", "direction", "activity_type", "status", "proposed_by")
    list_filter = ("status", "direction", "activity_type")
    search_fields = ("code", "title_ky", "title_ru", "title_en")
    inlines = [ProgramMaterialInline]


admin.site.register(Audience, TranslationAdmin)
admin.site.register(Theme, TranslationAdmin)
