"""Read-only: partners, agreements, contributions and applications change on the staff pages."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from bilim.core.admin import ReadOnlyAdmin, ReadOnlyPermissions

from .models import (
    Agreement,
    ApplicationEvent,
    Contribution,
    Direction,
    Partner,
    PartnershipApplication,
)


@admin.register(Direction)
class DirectionAdmin(ReadOnlyAdmin[Direction], TranslationAdmin[Direction]):
    """The four directions come from a migration: the code relies on their codes."""

    list_display = ("code", "name", "position")


# modeltranslation's inline bases disagree on get_readonly_fields's signature, not ours.
class AgreementInline(  # type: ignore[misc]
    ReadOnlyPermissions, TranslationTabularInline[Agreement, Partner]
):
    model = Agreement
    extra = 0


# modeltranslation's inline bases disagree on get_readonly_fields's signature, not ours.
class ContributionInline(  # type: ignore[misc]
    ReadOnlyPermissions, TranslationTabularInline[Contribution, Partner]
):
    model = Contribution
    extra = 0


@admin.register(Partner)
class PartnerAdmin(ReadOnlyAdmin[Partner], TranslationAdmin[Partner]):
    list_display = ("slug", "name", "kind", "is_active")
    list_filter = ("kind", "directions", "is_active")
    search_fields = ("slug", "name_ky", "name_ru", "name_en")
    inlines = [AgreementInline, ContributionInline]


class ApplicationEventInline(
    ReadOnlyPermissions, admin.TabularInline[ApplicationEvent, PartnershipApplication]
):
    model = ApplicationEvent
    extra = 0


@admin.register(PartnershipApplication)
class PartnershipApplicationAdmin(ReadOnlyAdmin[PartnershipApplication]):
    """The review happens on the staff pages, where the rules are kept."""

    list_display = ("organisation", "kind", "status", "created_at")
    list_filter = ("status", "kind")
    search_fields = ("organisation", "contact_name", "email")
    inlines = [ApplicationEventInline]
