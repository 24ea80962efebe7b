from django.contrib import admin

from .models import Message


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin[Message]):
    list_display = ["created_at", "channel", "recipient", "kind", "segments", "status", "attempts"]
    list_filter = ["status", "channel", "kind"]
    search_fields = ["recipient", "kind"]
    readonly_fields = [f.name for f in Message._meta.fields]
