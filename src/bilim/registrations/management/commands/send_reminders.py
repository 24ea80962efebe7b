from typing import Any

from django.core.management.base import BaseCommand

from bilim.registrations.reminders import reminders_queue
from bilim.registrations.services import offers_expire


class Command(BaseCommand):
    help = (
        "Queue the reminders due 24 and 2 hours before sessions, and pass unanswered waitlist "
        "offers on. Run it every five minutes."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        expired = offers_expire()
        queued = reminders_queue()
        self.stdout.write(f"Reminders queued: {queued}; offers passed on: {expired}.")
