"""Read-only: guides are written and checked on the staff pages (`guide_create`, `guide_update`)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from bilim.core.admin import ReadOnlyAdmin

from .models import Guide


@admin.register(Guide)
class GuideAdmin(ReadOnlyAdmin[Guide], TranslationAdmin[Guide]):
    list_display = ("title", "category", "published", "checked_on", "updated_at", "updated_by")
    list_filter = ("published", "category")
    search_fields = ("slug", "title_ky", "title_ru", "title_en")
    list_select_related = ("category", "updated_by")
