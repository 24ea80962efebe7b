"""Read-only admin views: every write to a calendar goes through the services' row locks."""

from typing import Any, TypeVar

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from .models import CalendarFeedToken, Offering, Session

M = TypeVar("M", bound=Model)


class ReadOnlyAdmin(admin.ModelAdmin[M]):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Offering)
class OfferingAdmin(ReadOnlyAdmin[Offering]):
    list_display = ("program", "center", "format", "language", "status", "first_starts_at")
    list_filter = ("status", "format", "language")
    list_select_related = ("program", "center")


@admin.register(Session)
class SessionAdmin(ReadOnlyAdmin[Session]):
    list_display = ("offering", "starts_at", "ends_at", "room", "status")
    list_filter = ("status",)
    list_select_related = ("offering__program", "room")
    date_hierarchy = "starts_at"


@admin.register(CalendarFeedToken)
class CalendarFeedTokenAdmin(ReadOnlyAdmin[CalendarFeedToken]):
    list_display = ("user", "created_at")
    # The secret itself is never shown: the person makes a new one on their page.
    exclude = ("token",)
