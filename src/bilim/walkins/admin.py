"""Read-only: the queue is run from the desk console, whose services keep its rules."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from bilim.core.admin import ReadOnlyAdmin

from .models import Ticket


@admin.register(Ticket)
class TicketAdmin(ReadOnlyAdmin[Ticket]):
    list_display = ("display_number", "day", "center", "category", "status", "desk", "created_at")
    list_filter = ("status", "day")
    search_fields = ("center__code", "code")
    date_hierarchy = "day"
    list_select_related = ("center", "category")

    @admin.display(description=_("number"), ordering="number")
    def display_number(self, ticket: Ticket) -> str:
        return ticket.display_number
