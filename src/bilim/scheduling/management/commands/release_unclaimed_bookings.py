"""Record as released the approved bookings nobody checked in for within 30 minutes."""

from typing import Any

from django.core.management.base import BaseCommand

from bilim.scheduling.services.bookings import bookings_release_unclaimed


class Command(BaseCommand):
    help = (
        "Mark approved room bookings as released when nobody checked in within 30 minutes "
        "of the start. Safe to run as often as wanted (e.g. every 5 minutes)."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        released = bookings_release_unclaimed()
        self.stdout.write(f"{released} booking(s) released.")
