"""Read-only: attendance is marked and undone through the services, never edited here."""

from django.contrib import admin

from bilim.core.admin import ReadOnlyAdmin

from .models import Attendance


@admin.register(Attendance)
class AttendanceAdmin(ReadOnlyAdmin[Attendance]):
    list_display = ("registration", "session", "method", "marked_at", "marked_by")
    list_filter = ("method",)
    list_select_related = (
        "registration__participant",
        "registration__offering__program",
        "registration__offering__center",
        "session__offering__program",
        "marked_by",
    )
    date_hierarchy = "marked_at"
