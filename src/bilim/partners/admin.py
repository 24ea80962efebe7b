from typing import Any

from django.contrib import admin
from django.db import models
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from .models import (
    Agreement,
    ApplicationEvent,
    Contribution,
    Direction,
    Partner,
    PartnershipApplication,
)

# Web addresses typed without a scheme are https ones (Django 6's default, without the warning).
URL_FIELDS: dict[type[models.Field[Any, Any]], dict[str, Any]] = {
    models.URLField: {"assume_scheme": "https"}
}


@admin.register(Direction)
class DirectionAdmin(TranslationAdmin[Direction]):
    list_display = ("code", "name", "position")


class AgreementInline(TranslationTabularInline[Agreement, Partner]):
    model = Agreement
    extra = 0
    readonly_fields = ("reminder_sent_on",)


class ContributionInline(TranslationTabularInline[Contribution, Partner]):
    model = Contribution
    extra = 0


@admin.register(Partner)
class PartnerAdmin(TranslationAdmin[Partner]):
    list_display = ("slug", "name", "kind", "is_active")
    list_filter = ("kind", "directions", "is_active")
    search_fields = ("slug", "name_ky", "name_ru", "name_en")
    filter_horizontal = ("regions",)
    formfield_overrides = URL_FIELDS
    inlines = [AgreementInline, ContributionInline]


class ApplicationEventInline(admin.TabularInline[ApplicationEvent, PartnershipApplication]):
    model = ApplicationEvent
    extra = 0
    can_delete = False
    readonly_fields = ("created_at", "author", "from_status", "to_status", "comment")

    def has_add_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False


@admin.register(PartnershipApplication)
class PartnershipApplicationAdmin(admin.ModelAdmin[PartnershipApplication]):
    """Read-only: the review happens on the staff pages, where the rules are kept."""

    list_display = ("organisation", "kind", "status", "created_at")
    list_filter = ("status", "kind")
    search_fields = ("organisation", "contact_name", "email")
    formfield_overrides = URL_FIELDS
    inlines = [ApplicationEventInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False
