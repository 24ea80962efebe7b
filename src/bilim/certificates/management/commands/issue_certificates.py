"""Issue the certificates of every group that ended in the last 30 days (a daily job)."""

from typing import Any

from django.core.management.base import BaseCommand

from bilim.certificates.services import certificates_issue_ended


class Command(BaseCommand):
    help = (
        "Issue certificates to the people who earned them in groups that ended in the last "
        "30 days, and tell them by SMS. Safe to run again: nobody gets a second one."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        issued = certificates_issue_ended()
        self.stdout.write(f"{issued} certificate(s) issued.")
