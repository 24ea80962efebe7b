from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from bilim.accounts.models import User

from .models import Guide


@admin.register(Guide)
class GuideAdmin(TranslationAdmin[Guide]):
    list_display = ("title", "category", "published", "checked_on", "updated_at", "updated_by")
    list_filter = ("published", "category")
    search_fields = ("slug", "title_ky", "title_ru", "title_en")
    readonly_fields = ("updated_by", "updated_at")
    list_select_related = ("category", "updated_by")
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(self, request: HttpRequest, obj: Guide, form: Any, change: bool) -> None:
        # The database constraint still refuses a published guide without ky and ru texts.
        obj.updated_by = request.user if isinstance(request.user, User) else None
        super().save_model(request, obj, form, change)
