from typing import Any

from django.core.management.base import BaseCommand

from bilim.notifications.services import messages_deliver_due


class Command(BaseCommand):
    help = (
        "Deliver every outbox message whose time has come. The task worker does this on its "
        "own; run this every few minutes from a timer as a safety net."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Sent {messages_deliver_due()} message(s).")
