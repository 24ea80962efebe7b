"""Writes to the partner registry."""

from collections.abc import Iterable

from django.core.files import File
from django.db import transaction
from django.db.models import Model

from bilim.geography.models import Region
from bilim.web.slugs import free_slug

from ..models import Direction, Partner

LANGS = ("ky", "ru", "en")
# Words the partners' addresses use for other pages: /partners/apply/, /staff/partners/new/.
RESERVED_SLUGS = frozenset({"apply", "new", "applications"})
SLUG_BASE_LENGTH = 50


def set_translated(obj: Model, field: str, values: dict[str, str]) -> None:
    """Set a translated field in ky, ru and en; the plain column keeps the Kyrgyz text."""
    setattr(obj, field, values.get("ky", ""))
    for lang in LANGS:
        setattr(obj, f"{field}_{lang}", values.get(lang, ""))


def partner_slug_for(name: str) -> str:
    """Return a free short code made from a name: transliterated, lower-case, unique."""
    return free_slug(
        name,
        queryset=Partner.objects.all(),
        field="slug",
        reserved=RESERVED_SLUGS,
        default="partner",
        length=SLUG_BASE_LENGTH,
    )


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
    descriptions: dict[str, str] | None = None,
    regions: Iterable[Region] | None = None,
    contact_person: str | None = None,
    is_active: bool | None = None,
    logo: File[bytes] | None = None,
    remove_logo: bool = False,
) -> Partner:
    """Create a partner, or update the one with this slug; names per language (ky, ru, en).

    Arguments left as None (descriptions, regions, contact person, active, logo) keep
    what the record has, so a loader that does not know them never erases them.
    """
    partner = Partner.objects.select_for_update().filter(slug=slug).first() or Partner(slug=slug)
    old_logo = partner.logo.name if partner.pk else ""
    partner.kind = kind
    set_translated(partner, "name", names)
    if descriptions is not None:
        set_translated(partner, "description", descriptions)
    partner.website, partner.email, partner.phone = website, email, phone
    if contact_person is not None:
        partner.contact_person = contact_person
    if is_active is not None:
        partner.is_active = is_active
    if logo is not None:
        partner.logo = logo
    elif remove_logo:
        partner.logo = None
    partner.full_clean()
    partner.save()
    partner.directions.set(Direction.objects.filter(code__in=list(directions)))
    if regions is not None:
        partner.regions.set(list(regions))
    if old_logo and old_logo != partner.logo.name:
        storage = partner.logo.storage
        # Only once the new record is safe: a rolled-back change keeps its old file.
        transaction.on_commit(lambda: storage.delete(old_logo))
    return partner
