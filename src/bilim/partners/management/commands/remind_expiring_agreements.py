from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from bilim.partners.models import EXPIRY_WARNING_DAYS
from bilim.partners.services import agreements_remind_expiring


class Command(BaseCommand):
    help = (
        "E-mail the national office once about each agreement ending within the coming days. "
        "Run it daily (cron or a systemd timer)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=EXPIRY_WARNING_DAYS,
            help=f"How far ahead to look, in days (default {EXPIRY_WARNING_DAYS}).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        run = agreements_remind_expiring(today=timezone.localdate(), days=options["days"])
        self.stdout.write(f"Reminders queued for {run.reminded} agreement(s).")
