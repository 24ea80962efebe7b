from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .errors import WalkinsError
from .models import Ticket
from .services import ticket_cancel


@admin.register(Ticket)
class TicketAdmin(admin.ModelAdmin[Ticket]):
    """Read-only: the queue is run from the desk console, whose services keep its rules."""

    list_display = ("display_number", "day", "center", "category", "status", "desk", "created_at")
    list_filter = ("status", "day")
    search_fields = ("center__code", "code")
    date_hierarchy = "day"
    list_select_related = ("center", "category")
    actions = ["cancel_waiting"]
    readonly_fields = (
        "center",
        "day",
        "number",
        "code",
        "category",
        "status",
        "desk",
        "created_at",
        "called_at",
        "announced_at",
        "call_count",
        "finished_at",
        "called_by",
    )

    @admin.display(description=_("number"), ordering="number")
    def display_number(self, ticket: Ticket) -> str:
        return ticket.display_number

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Ticket | None = None) -> bool:
        return False

    @admin.action(description=_("Cancel the selected waiting numbers"))
    def cancel_waiting(self, request: HttpRequest, queryset: QuerySet[Ticket]) -> None:
        cancelled = 0
        for ticket in queryset.select_related("center"):
            try:
                ticket_cancel(center=ticket.center, ticket=ticket)
            except WalkinsError:
                continue  # no longer waiting: nothing to cancel
            cancelled += 1
        self.message_user(
            request, _("Numbers cancelled: %(count)d.") % {"count": cancelled}, messages.SUCCESS
        )
