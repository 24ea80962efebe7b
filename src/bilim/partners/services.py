"""Writes to partners."""

from collections.abc import Iterable

from django.db import transaction

from .models import Direction, Partner


@transaction.atomic
def partner_upsert(
    *,
    slug: str,
    kind: str,
    names: dict[str, str],
    directions: Iterable[str],
    website: str = "",
    email: str = "",
    phone: str = "",
) -> Partner:
    """Create a partner, or update the one with this slug; names per language (ky, ru, en)."""
    partner, _ = Partner.objects.update_or_create(
        slug=slug,
        defaults={
            "kind": kind,
            "name": names["ky"],
            **{f"name_{lang}": names[lang] for lang in ("ky", "ru", "en")},
            "website": website,
            "email": email,
            "phone": phone,
        },
    )
    partner.full_clean()
    partner.directions.set(Direction.objects.filter(code__in=list(directions)))
    return partner
