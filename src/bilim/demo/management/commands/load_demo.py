from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from bilim.centers.models import Center
from bilim.demo.network import DEMO_PASSWORD, demo_logins, load_demo_network
from bilim.partners.models import Partner
from bilim.programs.models import Program
from bilim.scheduling.models import Offering


class Command(BaseCommand):
    help = "Load the demo network (idempotent): partners, 70 centers, the catalog, demo logins."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--list-logins", action="store_true", help="Only print the demo logins."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not options["list_logins"]:
            load_demo_network()
            self.stdout.write(
                f"Demo network: {Center.objects.count()} centers, "
                f"{Partner.objects.count()} partners, {Program.objects.count()} programs, "
                f"{Offering.objects.count()} offerings."
            )
            return
        for login in demo_logins():
            scope = f" ({login.scope})" if login.scope else ""
            self.stdout.write(f"    {login.username:<12} {login.role.label}{scope}")
        self.stdout.write(f"    password: {DEMO_PASSWORD}")
