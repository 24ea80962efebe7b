"""Read-only admin views: every write to a calendar goes through the services' row locks."""

from django.contrib import admin

from bilim.core.admin import ReadOnlyAdmin

from .models import CalendarFeedToken, Offering, Session


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
