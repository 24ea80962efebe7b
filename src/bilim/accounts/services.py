"""Writes to staff accounts and their roles."""

from typing import Any

from django.db import transaction

from .models import Role, RoleAssignment, User


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    language: str = "ky",
) -> User:
    """Create a staff user, no role yet; with no password, signing in waits until one is set."""
    user = User(
        username=username,
        first_name=first_name,
        last_name=last_name,
        email=email,
        language=language,
        is_staff=False,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def role_assign(
    *,
    user: User,
    role: Role,
    region_id: int | None = None,
    center_id: int | None = None,
    partner_id: int | None = None,
) -> RoleAssignment:
    """Give a user a role over a part of the network; idempotent."""
    scope: dict[str, Any] = {
        "region_id": region_id,
        "center_id": center_id,
        "partner_id": partner_id,
    }
    assignment, _ = RoleAssignment.objects.get_or_create(user=user, role=role, **scope)
    # Staff status opens the read-only Django admin, and only for the national office.
    # Never superuser: every write goes through the staff pages and their services.
    if role == Role.NATIONAL and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])
    return assignment
