"""Writes to centers and their rooms."""

import datetime
from decimal import Decimal

from django.db import transaction

from bilim.geography.models import District

from .models import Center, Room

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
