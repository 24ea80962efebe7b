"""Writes of the guides: the national office creates, edits, publishes and unpublishes."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils import timezone

from bilim.accounts.models import User
from bilim.helpdesk.models import ServiceCategory
from bilim.web.slugs import free_slug

from . import errors
from .errors import GuidesError
from .models import LANGS, REQUIRED_LANGS, REQUIRED_TEXTS, Guide

# Words the staff addresses use next to a guide's address: /staff/guides/new/ ...
RESERVED_SLUGS = frozenset({"new", "for-service"})
SLUG_BASE_LENGTH = 60


@dataclass(frozen=True)
class GuideFields:
    """What a guide says; texts per language (ky, ru, en)."""

    category: ServiceCategory
    titles: dict[str, str]
    summaries: dict[str, str]
    bodies: dict[str, str]
    checked_on: datetime.date
    documents: dict[str, str] = field(default_factory=dict)
    official_url: str = ""
    published: bool = False

    def texts(self) -> dict[str, dict[str, str]]:
        return {
            "title": self.titles,
            "summary": self.summaries,
            "body": self.bodies,
            "documents": self.documents,
        }


def missing_for_publishing(fields: GuideFields) -> tuple[str, ...]:
    """Return the fields (``title_ky``...) a guide lacks to be published, in form order."""
    texts = fields.texts()
    return tuple(
        f"{text}_{lang}"
        for lang in REQUIRED_LANGS
        for text in REQUIRED_TEXTS
        if not (texts[text].get(lang) or "").strip()
    )


def _check(fields: GuideFields, *, category_changed: bool) -> None:
    if not any((fields.titles.get(lang) or "").strip() for lang in LANGS):
        raise GuidesError(errors.NEEDS_TITLE, field="title_ky")
    if fields.checked_on > timezone.localdate():
        raise GuidesError(errors.CHECKED_IN_FUTURE, field="checked_on")
    if category_changed and not fields.category.active:
        raise GuidesError(errors.INACTIVE_CATEGORY, field="category")
    if fields.published:
        missing = missing_for_publishing(fields)
        if missing:
            raise GuidesError(errors.NOT_PUBLISHABLE, missing=missing)


def _clean_text(value: str | None) -> str:
    # Browsers send textarea lines with CRLF; one line end keeps searches and diffs simple.
    return (value or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _apply(guide: Guide, fields: GuideFields, user: User | None) -> Guide:
    for text, values in fields.texts().items():
        # The plain column keeps the Kyrgyz text, as in the other apps' content.
        setattr(guide, text, _clean_text(values.get("ky")))
        for lang in LANGS:
            setattr(guide, f"{text}_{lang}", _clean_text(values.get(lang)))
    guide.category = fields.category
    guide.official_url = fields.official_url.strip()
    guide.checked_on = fields.checked_on
    guide.published = fields.published
    guide.updated_by = user
    guide.full_clean(validate_unique=False)
    guide.save()
    return guide


def guide_slug_for(title: str) -> str:
    """Return a free address made from a title: transliterated, lower-case, unique."""
    return free_slug(
        title,
        queryset=Guide.objects.all(),
        field="slug",
        reserved=RESERVED_SLUGS,
        default="guide",
        length=SLUG_BASE_LENGTH,
    )


def _slug(slug: str, fields: GuideFields) -> str:
    slug = slug.strip().lower()
    if not slug:
        title = next((fields.titles[lang] for lang in LANGS if fields.titles.get(lang)), "")
        return guide_slug_for(title)
    try:
        validate_slug(slug)
    except ValidationError as error:
        raise GuidesError(error.messages[0], code="slug_invalid", field="slug") from None
    if slug in RESERVED_SLUGS:
        raise GuidesError(errors.SLUG_RESERVED, field="slug")
    if Guide.objects.filter(slug=slug).exists():
        raise GuidesError(errors.SLUG_TAKEN, field="slug")
    return slug


@transaction.atomic
def guide_create(*, fields: GuideFields, user: User | None, slug: str = "") -> Guide:
    """Create a guide, a draft unless `fields.published`; an empty address comes from the title."""
    _check(fields, category_changed=True)
    return _apply(Guide(slug=_slug(slug, fields)), fields, user)


@transaction.atomic
def guide_update(*, guide: Guide, fields: GuideFields, user: User | None) -> Guide:
    """Change what a guide says and whether it is published; its address stays."""
    guide = Guide.objects.select_for_update().get(pk=guide.pk)
    _check(fields, category_changed=fields.category.pk != guide.category_id)
    return _apply(guide, fields, user)


@transaction.atomic
def guide_unpublish(*, guide: Guide, user: User | None) -> Guide:
    """Take a guide off the public site; the desks no longer see it either."""
    guide = Guide.objects.select_for_update().get(pk=guide.pk)
    if guide.published:
        guide.published = False
        guide.updated_by = user
        guide.save(update_fields=["published", "updated_by", "updated_at"])
    return guide


@transaction.atomic
def guide_ensure(*, slug: str, fields: GuideFields) -> Guide:
    """Create a guide with this address if it is missing; an existing one is left as edited."""
    existing = Guide.objects.filter(slug=slug).first()
    if existing is not None:
        return existing
    _check(fields, category_changed=True)
    return _apply(Guide(slug=slug), fields, None)
