from typing import Any

from django.core.management.base import BaseCommand

from bilim.geography.services import geography_sync


class Command(BaseCommand):
    help = "Load or update the regions and districts shipped in the repository."

    def handle(self, *args: Any, **options: Any) -> None:
        result = geography_sync()
        self.stdout.write(f"{result.regions} regions, {result.districts} districts")
