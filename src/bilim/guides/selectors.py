"""Reads of the guides: what citizens, the desk and the national office see."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from modeltranslation.utils import get_language, resolution_order

from bilim.accounts.selectors import Capability, Scope
from bilim.helpdesk.models import ServiceCategory

from .models import LANGS, Guide

# Steps of state services change: a guide not checked for this long is flagged to the office.
STALE_AFTER_MONTHS = 6
MAX_SEARCH_WORDS = 8
MAX_QUERY_LENGTH = 100


class Status:
    DRAFT = "draft"
    PUBLISHED = "published"
    STALE = "stale"
    ALL = (DRAFT, PUBLISHED, STALE)


def months_before(day: datetime.date, months: int) -> datetime.date:
    """Return the same day `months` earlier (the month's last day if it is shorter)."""
    years, month_index = divmod(day.month - 1 - months, 12)
    year, month = day.year + years, month_index + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def stale_before(today: datetime.date | None = None) -> datetime.date:
    """Return the date before which a check is too old."""
    return months_before(today or timezone.localdate(), STALE_AFTER_MONTHS)


def _by_title() -> Coalesce:
    # The title a reader sees, with modeltranslation's fallbacks, so the list reads in order.
    columns = [NullIf(F(f"title_{lang}"), Value("")) for lang in resolution_order(get_language())]
    return Coalesce(*columns, F("slug"))


def _ordered(guides: QuerySet[Guide]) -> QuerySet[Guide]:
    return guides.select_related("category").order_by(
        "category__position", "category__code", _by_title().asc()
    )


def search_q(query: str) -> Q:
    """Every word must appear in a guide's texts or its service's name, in any language."""
    result = Q()
    for word in query[:MAX_QUERY_LENGTH].split()[:MAX_SEARCH_WORDS]:
        word_q = Q()
        for lang in LANGS:
            for text in ("title", "summary", "body", "documents"):
                word_q |= Q(**{f"{text}_{lang}__icontains": word})
            word_q |= Q(**{f"category__name_{lang}__icontains": word})
        result &= word_q
    return result


def published_guide_list(
    *, query: str = "", category: ServiceCategory | None = None
) -> QuerySet[Guide]:
    """Return the published guides, by service then title, matching every word of `query`."""
    guides = Guide.objects.filter(published=True)
    if query.strip():
        guides = guides.filter(search_q(query))
    if category is not None:
        guides = guides.filter(category=category)
    return _ordered(guides)


def published_guide_get(*, slug: str) -> Guide:
    """Return a published guide; drafts are as absent as guides that never existed."""
    return Guide.objects.select_related("category").get(slug=slug, published=True)


def _visible(scope: Scope) -> QuerySet[Guide]:
    if scope.can(Capability.MANAGE_GUIDES):
        return Guide.objects.all()
    if scope.can(Capability.LOG_CONSULTATIONS):
        return Guide.objects.filter(published=True)
    return Guide.objects.none()


def guide_list(
    *,
    scope: Scope,
    status: str | None = None,
    query: str = "",
    today: datetime.date | None = None,
) -> QuerySet[Guide]:
    """Return the guides a staff member may read: the office all, the desks published ones."""
    guides = _visible(scope)
    if status == Status.DRAFT:
        guides = guides.filter(published=False)
    elif status == Status.PUBLISHED:
        guides = guides.filter(published=True)
    elif status == Status.STALE:
        guides = guides.filter(checked_on__lt=stale_before(today))
    if query.strip():
        guides = guides.filter(search_q(query))
    return _ordered(guides).select_related("updated_by")


def stale_guide_list(*, scope: Scope, today: datetime.date | None = None) -> QuerySet[Guide]:
    """Return the guides not checked for more than six months, the oldest check first."""
    return (
        _visible(scope)
        .filter(checked_on__lt=stale_before(today))
        .select_related("category")
        .order_by("checked_on", "slug")
    )


@dataclass(frozen=True)
class GuideCounts:
    total: int
    drafts: int
    stale: int


def guide_counts(*, scope: Scope, today: datetime.date | None = None) -> GuideCounts:
    """Count the guides a staff member may read, the drafts and the stale ones, in one query."""
    counts = _visible(scope).aggregate(
        total=Count("pk"),
        drafts=Count("pk", filter=Q(published=False)),
        stale=Count("pk", filter=Q(checked_on__lt=stale_before(today))),
    )
    return GuideCounts(**counts)


def guide_get(*, scope: Scope, slug: str) -> Guide:
    """Return a guide the staff member may read (raises Guide.DoesNotExist otherwise)."""
    return _visible(scope).select_related("category", "updated_by").get(slug=slug)


def desk_guide_list(*, category: ServiceCategory | None = None) -> QuerySet[Guide]:
    """Return the published guides shown beside the consultation form, for one service or all."""
    return published_guide_list(category=category)
