from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import IntegrityError, transaction

from bilim.accounts.models import Role, User
from bilim.accounts.services import role_assign, user_create

# Looked up by name: accounts sits below the domain apps and imports none of them.
SCOPES = {
    "region": ("geography.Region", "code"),
    "center": ("centers.Center", "code"),
    "partner": ("partners.Partner", "slug"),
}


class Command(BaseCommand):
    help = (
        "Create a staff user if missing, and give them a role. A new user has no password "
        "yet: set it with `changepassword` or on the user's page in the admin."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("role", choices=Role.values)
        parser.add_argument("--region", help="SOATE code of the region (regional coordinator)")
        parser.add_argument("--center", help="code of the center (center manager, facilitator)")
        parser.add_argument("--partner", help="slug of the partner (partner coordinator)")
        parser.add_argument("--email", default="")
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--language", default="ky", choices=["ky", "ru", "en"])

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        scope = {f"{name}_id": self._scope_id(name, options[name]) for name in SCOPES}
        user = User.objects.filter(username=options["username"]).first()
        if user is None:
            user = user_create(
                username=options["username"],
                password=None,
                first_name=options["first_name"],
                last_name=options["last_name"],
                email=options["email"],
                language=options["language"],
            )
        try:
            with transaction.atomic():
                assignment = role_assign(user=user, role=Role(options["role"]), **scope)
        except IntegrityError as error:
            # The database keeps which scope each role needs (RoleAssignment's constraint).
            raise CommandError(
                "This role needs: --region for region, --center for center, --partner for "
                "partner, nothing for national, operator and analyst (facilitator: --center "
                "or nothing)."
            ) from error
        self.stdout.write(f"{assignment}")

    @staticmethod
    def _scope_id(name: str, value: str | None) -> int | None:
        if not value:
            return None
        label, field = SCOPES[name]
        row = apps.get_model(label).objects.filter(**{field: value}).first()
        if row is None:
            raise CommandError(f"No {name} {value!r}.")
        return int(row.pk)
