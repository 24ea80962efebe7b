"""Reads of the operator console: offerings to register for, people and their registrations.

Everything is scoped: the call-center operator sees the whole network, a center manager
only the offerings of their center and the registrations for them.
"""

import datetime
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone

from bilim.accounts.selectors import Capability, Scope
from bilim.geography.models import District
from bilim.scheduling.models import Offering, local_datetime
from bilim.scheduling.registration_rule import OPEN_STATES, with_registration_state
from bilim.web.phones import mobile_for_sms

from .models import Participant, Registration
from .services import name_key

OFFERING_SCOPE = {"region": "center__district__region", "center": "center"}
REGISTRATION_SCOPE = {"region": "offering__center__district__region", "center": "offering__center"}
MAX_PEOPLE = 10
MOVE_TARGETS = 30


@dataclass(frozen=True)
class OfferingFilters:
    district_id: int | None = None
    program_id: int | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    free_places: bool = False


def _offerings(scope: Scope, now: datetime.datetime) -> QuerySet[Offering]:
    if not scope.can(Capability.REGISTER_BY_PHONE):
        return Offering.objects.none()
    # The same rule as the sign-up itself (`registration_rule`), evaluated in the query.
    qs = with_registration_state(
        Offering.objects.select_related("program", "center__district"), now
    ).filter(Q(registration_state__in=OPEN_STATES))
    return scope.filter(qs, **OFFERING_SCOPE)


def operator_offering_list(
    *, scope: Scope, filters: OfferingFilters, now: datetime.datetime | None = None
) -> QuerySet[Offering]:
    """Return the offerings open for registration that match, soonest first.

    Each carries `waiting` (people on its waitlist).
    """
    now = now or timezone.now()
    qs = _offerings(scope, now)
    if filters.district_id is not None:
        qs = qs.filter(center__district_id=filters.district_id)
    if filters.program_id is not None:
        qs = qs.filter(program_id=filters.program_id)
    if filters.date_from:
        qs = qs.filter(last_ends_at__gte=local_datetime(filters.date_from))
    if filters.date_to:
        next_day = filters.date_to + datetime.timedelta(days=1)
        qs = qs.filter(first_starts_at__lt=local_datetime(next_day))
    if filters.free_places:
        qs = qs.filter(confirmed_count__lt=F("capacity"))
    waiting = Count("registrations", filter=Q(registrations__status=Registration.Status.WAITLISTED))
    return qs.annotate(waiting=waiting).order_by(F("first_starts_at").asc(nulls_last=True), "pk")


def operator_offering_get(
    *, scope: Scope, pk: int, now: datetime.datetime | None = None
) -> Offering:
    """Return an offering in scope that is open for registration; raises DoesNotExist."""
    return _offerings(scope, now or timezone.now()).get(pk=pk)


def move_target_list(
    *, scope: Scope, registration: Registration, now: datetime.datetime | None = None
) -> QuerySet[Offering]:
    """Return the other open offerings of the same program a person may move to, soonest first."""
    now = now or timezone.now()
    taken = Registration.objects.filter(participant_id=registration.participant_id).exclude(
        status=Registration.Status.CANCELLED
    )
    return (
        _offerings(scope, now)
        .filter(program_id=registration.offering.program_id)
        .exclude(pk__in=taken.values("offering_id"))
        .order_by(F("first_starts_at").asc(nulls_last=True), "pk")[:MOVE_TARGETS]
    )


def district_choices() -> list[tuple[str, list[tuple[int, str]]]]:
    """Return the districts grouped by region, in the active language."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for district in District.objects.select_related("region").order_by("region__code", "name"):
        groups.setdefault(district.region.name, []).append((district.pk, district.name))
    return list(groups.items())


def _registrations(scope: Scope) -> QuerySet[Registration]:
    if not scope.can(Capability.REGISTER_BY_PHONE):
        return Registration.objects.none()
    return scope.filter(Registration.objects.all(), **REGISTRATION_SCOPE)


def _people(scope: Scope) -> QuerySet[Participant]:
    registrations = _registrations(scope)
    shown = registrations.select_related(
        "offering__program", "offering__center", "entered_by"
    ).order_by("-created_at", "-pk")
    return (
        Participant.objects.filter(pk__in=registrations.values("participant_id"))
        .select_related("home_district")
        .prefetch_related(Prefetch("registrations", queryset=shown, to_attr="shown"))
    )


def person_search(*, scope: Scope, query: str) -> list[Participant]:
    """Return the people in scope whose phone or name matches, with their registrations.

    A phone may be typed any way (0555 123 456, +996 555 123456); a part of a number
    finds the numbers that start (0555 12) or end (3456) with it; otherwise every word
    must be in the name.
    """
    query = " ".join(query.split())
    if not query:
        return []
    people = _people(scope)
    digits = re.sub(r"\D", "", query)
    try:
        people = people.filter(phone=mobile_for_sms(query))
    except ValidationError:
        if len(digits) >= 4 and len(digits) >= len(query.replace(" ", "")) - 2:
            people = people.filter(_partial_phone_q(digits))
        else:
            for word in name_key(query).split(" "):
                people = people.filter(name_key__contains=word)
    return list(people.order_by("name", "pk")[:MAX_PEOPLE])


def _partial_phone_q(digits: str) -> Q:
    """The start of a number as written at home (0555 12) or abroad (996 555), or its end."""
    end = Q(phone__endswith=digits)
    if digits.startswith("0"):
        return end | Q(phone__startswith=f"+996{digits[1:]}")
    if digits.startswith("996"):
        return end | Q(phone__startswith=f"+{digits}")
    return end


def person_get(*, scope: Scope, pk: int) -> Participant:
    """Return one person with their registrations in scope; raises DoesNotExist outside it."""
    return _people(scope).get(pk=pk)


def registration_get(*, scope: Scope, pk: int) -> Registration:
    """Return one registration in scope; raises Registration.DoesNotExist outside it."""
    return (
        _registrations(scope)
        .select_related(
            "participant", "offering__program", "offering__center__district", "entered_by"
        )
        .get(pk=pk)
    )
