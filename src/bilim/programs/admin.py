from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Audience, Program, Theme


@admin.register(Program)
class ProgramAdmin(TranslationAdmin[Program]):
    list_display = ("code", "title", "direction", "activity_type", "status")
    list_filter = ("status", "direction", "activity_type")
    search_fields = ("code", "title_ky", "title_ru", "title_en")


admin.site.register(Audience, TranslationAdmin)
admin.site.register(Theme, TranslationAdmin)
