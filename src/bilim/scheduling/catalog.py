"""Public reads of the catalog: programs anyone can find, their coming offerings, live streams.

An offering is "coming" while it is published and one of its scheduled sessions has not
ended yet (`Offering.last_ends_at`, kept by the scheduling services). Nothing here loads
`Session.stream_url`, except `live_session_list`, whose sessions are open to everyone.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal, NamedTuple

from django.core.cache import cache
from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils import timezone, translation

from bilim.centers.models import Center
from bilim.centers.selectors import distance_km
from bilim.geography.models import District, Region
from bilim.partners.models import Direction
from bilim.programs.models import Audience, Program, Theme

from .models import Offering, Session, local_datetime
from .registration_rule import (
    CLOSED_BECAUSE,
    NO_CERTIFICATE,
    NOT_YET,
    OPEN_STATES,
    registration_state,
    with_registration_state,
)

CONTENT_LANGUAGES = ("ky", "ru", "en")
NEXT_SESSIONS = 3
MAX_SEARCH_WORDS = 8
CHOICES_TIMEOUT = 300


@dataclass(frozen=True)
class CatalogFilters:
    """What a visitor asked the catalog for; codes, not objects, so it is cheap to cache."""

    query: str = ""
    region: str = ""
    district: str = ""
    center: str = ""
    direction: str = ""
    audience: str = ""
    language: str = ""
    format: str = ""
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    free_places: bool = False

    @property
    def needs_offering(self) -> bool:
        """Whether only programs with a matching coming offering qualify."""
        return bool(
            self.region
            or self.district
            or self.center
            or self.language
            or self.format
            or self.date_from
            or self.date_to
            or self.free_places
        )

    @property
    def is_empty(self) -> bool:
        return self == CatalogFilters()


def coming_offerings_q(now: datetime.datetime) -> Q:
    """Offerings a visitor may still join or follow: published, with a session not over."""
    return Q(status=Offering.Status.PUBLISHED, last_ends_at__gt=now)


def _offering_q(filters: CatalogFilters, now: datetime.datetime) -> Q:
    q = coming_offerings_q(now)
    if filters.center:
        q &= Q(center__code=filters.center)
    elif filters.district:
        q &= Q(center__district__code=filters.district)
    elif filters.region:
        q &= Q(center__district__region__code=filters.region)
    if filters.language:
        q &= Q(language=filters.language)
    if filters.format:
        q &= Q(format=filters.format)
    if filters.date_from:
        q &= Q(last_ends_at__gte=local_datetime(filters.date_from))
    if filters.date_to:
        q &= Q(first_starts_at__lt=local_datetime(filters.date_to + datetime.timedelta(days=1)))
    if filters.free_places:
        q &= Q(confirmed_count__lt=F("capacity"))
    return q


def _search_q(query: str) -> Q:
    """Every word must appear in a title, a summary or a theme, in any of the languages."""
    result = Q()
    for word in query.split()[:MAX_SEARCH_WORDS]:
        word_q = Q()
        theme_q = Q()
        for lang in CONTENT_LANGUAGES:
            word_q |= Q(**{f"title_{lang}__icontains": word})
            word_q |= Q(**{f"summary_{lang}__icontains": word})
            theme_q |= Q(**{f"name_{lang}__icontains": word})
        word_q |= Q(Exists(Theme.objects.filter(theme_q, programs=OuterRef("pk"))))
        result &= word_q
    return result


def catalog_program_list(
    *, filters: CatalogFilters, now: datetime.datetime | None = None
) -> QuerySet[Program]:
    """Return the published programs matching the filters, soonest next session first.

    Each program carries `coming_count` (its matching coming offerings) and
    `next_starts_at` (the next session of one of them), in the same query.
    """
    now = now or timezone.now()
    offerings = Offering.objects.filter(_offering_q(filters, now))
    qs = Program.objects.filter(status=Program.Status.PUBLISHED)
    if filters.query:
        qs = qs.filter(_search_q(filters.query))
    if filters.direction:
        qs = qs.filter(direction__code=filters.direction)
    if filters.audience:
        qs = qs.filter(
            Exists(Audience.objects.filter(code=filters.audience, programs=OuterRef("pk")))
        )
    if filters.needs_offering:
        qs = qs.filter(Exists(offerings.filter(program=OuterRef("pk"))))
    count = (
        offerings.filter(program=OuterRef("pk"))
        .order_by()
        .values("program")
        .annotate(n=Count("pk"))
        .values("n")
    )
    next_start = (
        Session.objects.filter(
            status=Session.Status.SCHEDULED,
            starts_at__gt=now,
            offering__program=OuterRef("pk"),
            offering__in=offerings.values("pk"),
        )
        .order_by("starts_at")
        .values("starts_at")[:1]
    )
    return (
        qs.select_related("direction")
        .prefetch_related("audiences")
        .annotate(
            coming_count=Coalesce(
                Subquery(count, output_field=IntegerField()), Value(0), output_field=IntegerField()
            ),
            next_starts_at=Subquery(next_start),
        )
        .order_by(F("next_starts_at").asc(nulls_last=True), "direction__position", "code")
    )


def program_public_get(*, code: str) -> Program:
    """Return a published program; raises Program.DoesNotExist otherwise."""
    return (
        Program.objects.filter(status=Program.Status.PUBLISHED)
        .select_related("direction", "lead_partner")
        .get(code=code)
    )


def _next_sessions(
    now: datetime.datetime, limit: int = NEXT_SESSIONS
) -> Prefetch[str, QuerySet[Session], str]:
    sessions = (
        Session.objects.filter(status=Session.Status.SCHEDULED, ends_at__gt=now)
        .defer("stream_url")
        .order_by("starts_at")
    )
    return Prefetch("sessions", queryset=sessions[:limit], to_attr="next_sessions")


def _coming_offerings(now: datetime.datetime) -> QuerySet[Offering]:
    return (
        Offering.objects.filter(coming_offerings_q(now))
        .select_related("center__district__region")
        .prefetch_related(_next_sessions(now))
        .annotate(
            sessions_left=Count(
                "sessions",
                filter=Q(sessions__status=Session.Status.SCHEDULED, sessions__ends_at__gt=now),
            )
        )
    )


@dataclass
class PlacedOffering:
    """An offering as a visitor sees it: how far away, whether they may still register."""

    offering: Offering
    km: float | None
    registration_open: bool
    registration_opens_later: bool
    # Why registration is closed (a sentence for the page), or "" while it is open.
    closed_because: str = ""
    # Open to people who may still attend but no longer earn the certificate.
    no_certificate: bool = False

    @property
    def more_sessions(self) -> int:
        """The coming sessions not listed among the next ones."""
        shown = len(getattr(self.offering, "next_sessions", []))
        return max(getattr(self.offering, "sessions_left", 0) - shown, 0)


@dataclass(frozen=True)
class Place:
    """Where a visitor said they are: one district or a whole region, and its centroid."""

    kind: Literal["district", "region"]
    code: str
    name: str
    point: tuple[Decimal, Decimal]

    def contains(self, district: District) -> bool:
        """Whether a district is this place or lies in it."""
        if self.kind == "district":
            return district.code == self.code
        return district.region.code == self.code


@dataclass
class ProgramOfferings:
    # In the visitor's place; then at other centers; then online only.
    here: list[PlacedOffering] = field(default_factory=list)
    at_centers: list[PlacedOffering] = field(default_factory=list)
    online: list[PlacedOffering] = field(default_factory=list)


def program_offering_list(
    *,
    program: Program,
    place: Place | None = None,
    point: tuple[Decimal, Decimal] | None = None,
    now: datetime.datetime | None = None,
) -> ProgramOfferings:
    """Return a program's coming offerings, soonest first within each part.

    With a place, the offerings there come first (`here`), then the others, nearest first;
    with only a point (a shared location), all are nearest first; online-only ones last.
    Distances run between district centroids, as the nearest centers' do: rough, but the
    same for every center of a district, and never hidden behind a precise-looking figure.
    """
    now = now or timezone.now()
    point = place.point if place is not None else point
    result = ProgramOfferings()
    offerings = with_registration_state(_coming_offerings(now).filter(program=program), now)
    for offering in offerings.order_by("first_starts_at"):
        center = offering.center
        km = None
        if center is not None and point is not None:
            district = center.district
            km = distance_km(point[0], point[1], district.latitude, district.longitude)
        state = registration_state(offering)
        placed = PlacedOffering(
            offering,
            km,
            registration_open=state in OPEN_STATES,
            registration_opens_later=state == NOT_YET,
            closed_because=str(CLOSED_BECAUSE.get(state, "")),
            no_certificate=state == NO_CERTIFICATE,
        )
        if center is None:
            result.online.append(placed)
        elif place is not None and place.contains(center.district):
            result.here.append(placed)
        else:
            result.at_centers.append(placed)
    if point is not None:
        # sorted() is stable: equally distant offerings stay soonest first.
        result.at_centers.sort(key=lambda placed: placed.km or 0.0)
    return result


def center_offering_list(
    *, center: Center, now: datetime.datetime | None = None, limit: int = 10
) -> list[Offering]:
    """Return the coming offerings of published programs at a center, soonest first."""
    now = now or timezone.now()
    return list(
        _coming_offerings(now)
        .filter(center=center, program__status=Program.Status.PUBLISHED)
        .select_related("program")
        .order_by("first_starts_at", "pk")[:limit]
    )


def live_session_list(*, now: datetime.datetime | None = None) -> QuerySet[Session]:
    """Return the sessions streaming now that anyone may join, with their link."""
    now = now or timezone.now()
    return (
        Session.objects.filter(
            open_to_everyone=True,
            status=Session.Status.SCHEDULED,
            starts_at__lte=now,
            ends_at__gt=now,
            offering__status=Offering.Status.PUBLISHED,
            offering__format__in=[Offering.Format.ONLINE, Offering.Format.HYBRID],
            offering__program__status=Program.Status.PUBLISHED,
        )
        # Only web addresses become links, whatever was stored.
        .filter(Q(stream_url__istartswith="https://") | Q(stream_url__istartswith="http://"))
        .select_related("offering__program", "offering__center")
        .order_by("starts_at", "pk")
    )


class PlaceOption(NamedTuple):
    # Plain strings: the options are unpickled from the cache on every request.
    code: str
    name: str
    latitude: str
    longitude: str


@dataclass(frozen=True)
class CatalogChoices:
    """The options of the catalog's filters in one language; cached, they rarely change."""

    regions: list[tuple[str, str]]
    districts: list[tuple[str, list[PlaceOption]]]
    centers: list[tuple[str, list[tuple[str, str]]]]
    directions: list[tuple[str, str]]
    audiences: list[tuple[str, str]]
    region_points: list[PlaceOption] = field(default_factory=list)

    def district(self, code: str) -> PlaceOption | None:
        for _region, options in self.districts:
            for option in options:
                if option.code == code:
                    return option
        return None

    def region(self, code: str) -> PlaceOption | None:
        return next((option for option in self.region_points if option.code == code), None)


def _build_choices() -> CatalogChoices:
    districts: dict[int, list[PlaceOption]] = {}
    for d in District.objects.order_by("region__code", "code"):
        districts.setdefault(d.region_id, []).append(
            PlaceOption(d.code, d.name, str(d.latitude), str(d.longitude))
        )
    centers: dict[int, list[tuple[str, str]]] = {}
    open_centers = Center.objects.filter(status=Center.Status.OPEN).select_related("district")
    for c in open_centers.order_by("district__region__code", "name"):
        centers.setdefault(c.district.region_id, []).append((c.code, c.name))
    regions = list(Region.objects.order_by("code"))
    return CatalogChoices(
        regions=[(r.code, r.name) for r in regions],
        districts=[(r.name, districts[r.pk]) for r in regions if r.pk in districts],
        centers=[(r.name, centers[r.pk]) for r in regions if r.pk in centers],
        directions=[(d.code, d.name) for d in Direction.objects.order_by("position")],
        audiences=[(a.code, a.name) for a in Audience.objects.order_by("id")],
        region_points=[
            PlaceOption(r.code, r.name, str(r.latitude), str(r.longitude)) for r in regions
        ],
    )


def catalog_choices() -> CatalogChoices:
    """Return the filter options in the active language, from the cache when possible."""
    # v2: the options gained the regions' centroids; an older cached copy lacks them.
    key = f"catalog:choices:v2:{translation.get_language()}"
    choices: Any = cache.get(key)
    if choices is None:
        choices = _build_choices()
        cache.set(key, choices, CHOICES_TIMEOUT)
    return choices  # type: ignore[no-any-return]
