"""Writes to centers and their rooms."""

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from bilim.accounts.models import Role, RoleAssignment, User
from bilim.accounts.services import role_assign
from bilim.geography.models import District

from .errors import NOT_ALLOWED_TRANSITION, CentersError
from .models import Center, OpeningException, OpeningHours, Room

LANGS = ("ky", "ru", "en")

ACCESSIBILITY_FEATURES = (
    "step_free_entrance",
    "ramp",
    "accessible_toilet",
    "hearing_loop",
    "sign_language_on_request",
    "large_print_materials",
)


@transaction.atomic
def center_upsert(
    *,
    code: str,
    names: dict[str, str],
    addresses: dict[str, str],
    district: District,
    latitude: Decimal,
    longitude: Decimal,
    status: str = Center.Status.PLANNED,
    opened_on: datetime.date | None = None,
    phone: str = "",
    email: str = "",
    features: frozenset[str] = frozenset(),
    connectivity: str = Center.Connectivity.MOBILE,
    connection_speed_mbps: int | None = None,
) -> Center:
    """Create a center, or update the one with this code.

    `features` names the accessibility features the venue has; the others are off.
    """
    unknown = features - set(ACCESSIBILITY_FEATURES)
    if unknown:
        raise ValueError(f"Unknown accessibility features: {sorted(unknown)}")
    center, _ = Center.objects.update_or_create(
        code=code,
        defaults={
            "name": names["ky"],
            **{f"name_{lang}": names[lang] for lang in LANGS},
            "address": addresses["ky"],
            **{f"address_{lang}": addresses[lang] for lang in LANGS},
            "district": district,
            "latitude": latitude,
            "longitude": longitude,
            "status": status,
            "opened_on": opened_on,
            "phone": phone,
            "email": email,
            **{feature: feature in features for feature in ACCESSIBILITY_FEATURES},
            "connectivity": connectivity,
            "connection_speed_mbps": connection_speed_mbps,
        },
    )
    center.full_clean()
    return center


@transaction.atomic
def room_upsert(
    *,
    center: Center,
    names: dict[str, str],
    capacity: int,
    equipment: dict[str, str] | None = None,
) -> Room:
    """Create a room of a center, or update the one with this Kyrgyz name."""
    equipment = equipment or dict.fromkeys(LANGS, "")
    room, _ = Room.objects.update_or_create(
        center=center,
        name_ky=names["ky"],
        defaults={
            "name": names["ky"],
            **{f"name_{lang}": names[lang] for lang in LANGS},
            "capacity": capacity,
            "equipment": equipment["ky"],
            **{f"equipment_{lang}": equipment[lang] for lang in LANGS},
        },
    )
    room.full_clean()
    return room


# Where a center may go from each status.
TRANSITIONS: dict[str, frozenset[str]] = {
    Center.Status.PLANNED: frozenset({Center.Status.OPEN, Center.Status.CLOSED}),
    Center.Status.OPEN: frozenset({Center.Status.SUSPENDED, Center.Status.CLOSED}),
    Center.Status.SUSPENDED: frozenset({Center.Status.OPEN, Center.Status.CLOSED}),
    Center.Status.CLOSED: frozenset({Center.Status.OPEN}),
}


@transaction.atomic
def center_create(*, fields: dict[str, Any]) -> Center:
    """Create a center from validated form fields; it starts as planned."""
    center = Center(**fields)
    center.status = Center.Status.PLANNED
    center.full_clean()
    center.save()
    return center


@transaction.atomic
def center_update(*, center: Center, fields: dict[str, Any]) -> Center:
    """Change a center's description; the status changes only through center_set_status."""
    fields = {k: v for k, v in fields.items() if k not in {"status", "code"}}
    for name, value in fields.items():
        setattr(center, name, value)
    center.full_clean()
    center.save()
    return center


@transaction.atomic
def center_set_status(*, center: Center, status: str) -> Center:
    """Open, suspend, close or reopen a center; the first opening records the date."""
    center = Center.objects.select_for_update().get(pk=center.pk)
    if status not in TRANSITIONS[center.status]:
        raise CentersError(
            NOT_ALLOWED_TRANSITION,
            params={"old": center.get_status_display(), "new": Center.Status(status).label},
        )
    center.status = status
    if status == Center.Status.OPEN and center.opened_on is None:
        center.opened_on = timezone.localdate()
    center.save(update_fields=["status", "opened_on"])
    return center


@transaction.atomic
def room_save(*, center: Center, room: Room | None, fields: dict[str, Any]) -> Room:
    """Add a room to a center, or change one of its rooms."""
    room = room or Room(center=center)
    for name, value in fields.items():
        setattr(room, name, value)
    room.full_clean()
    room.save()
    return room


@transaction.atomic
def room_delete(*, room: Room) -> None:
    """Remove a room from its center."""
    room.delete()


@transaction.atomic
def center_set_week(
    *, center: Center, periods: Iterable[tuple[int, datetime.time, datetime.time]]
) -> list[OpeningHours]:
    """Replace a center's weekly opening hours with the given (weekday, opens, closes)."""
    OpeningHours.objects.filter(center=center).delete()
    rows = [OpeningHours(center=center, weekday=d, opens=o, closes=c) for d, o, c in periods]
    for row in rows:
        row.full_clean(exclude=["center"])
    return OpeningHours.objects.bulk_create(rows)


@transaction.atomic
def opening_exception_save(
    *,
    center: Center,
    date: datetime.date,
    closed: bool,
    opens: datetime.time | None,
    closes: datetime.time | None,
    reasons: dict[str, str],
) -> OpeningException:
    """Record a holiday or a day with other hours (replacing what that day had)."""
    exception, _ = OpeningException.objects.update_or_create(
        center=center,
        date=date,
        defaults={
            "closed": closed,
            "opens": None if closed else opens,
            "closes": None if closed else closes,
            "reason": reasons.get("ky", ""),
            **{f"reason_{lang}": reasons.get(lang, "") for lang in LANGS},
        },
    )
    return exception


@transaction.atomic
def opening_exception_delete(*, exception: OpeningException) -> None:
    """Remove a holiday or a day's special hours."""
    exception.delete()


STAFF_ROLES = (Role.CENTER, Role.FACILITATOR)


@transaction.atomic
def center_staff_assign(*, center: Center, user: User, role: Role) -> RoleAssignment:
    """Make a user a manager or a facilitator of a center."""
    if role not in STAFF_ROLES:
        raise ValueError(f"{role} is not a center staff role")
    return role_assign(user=user, role=role, center_id=center.pk)


@transaction.atomic
def center_staff_remove(*, center: Center, assignment: RoleAssignment) -> None:
    """Take a staff member's role at a center away."""
    if assignment.center_id != center.pk:
        raise ValueError("assignment of another center")
    assignment.delete()
