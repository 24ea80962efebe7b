"""Read-only: the outbox is written by `message_queue` and its delivery task."""

from django.contrib import admin

from bilim.core.admin import ReadOnlyAdmin

from .models import Message


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin[Message]):
    list_display = ["created_at", "channel", "recipient", "kind", "segments", "status", "attempts"]
    list_filter = ["status", "channel", "kind"]
    search_fields = ["recipient", "kind"]
