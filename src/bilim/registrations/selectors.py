from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from bilim.scheduling.models import Offering, Session
from bilim.scheduling.registration_rule import CLOSED_BECAUSE, with_registration_state

from .models import Registration


def offering_for_sign_up(*, pk: int) -> Offering:
    """A published offering with what its sign-up page shows; 404 otherwise.

    It carries `registration_state` and `closed_because` (a sentence, "" while open).
    """
    offering = get_object_or_404(
        with_registration_state(
            Offering.objects.select_related("program", "center__district__region").filter(
                status=Offering.Status.PUBLISHED
            ),
            timezone.now(),
        ),
        pk=pk,
    )
    state: str = offering.registration_state  # type: ignore[attr-defined]
    offering.closed_because = str(CLOSED_BECAUSE.get(state, ""))  # type: ignore[attr-defined]
    return offering


def registration_by_token(*, token: str) -> Registration:
    """The registration a personal link points to; 404 for an unknown link."""
    return get_object_or_404(
        Registration.objects.select_related(
            "participant", "offering__program", "offering__center__district", "certificate"
        ),
        token=token,
    )


def stream_sessions(*, registration: Registration) -> "QuerySet[Session]":
    """The coming sessions with a stream link, for a confirmed person of an online group.

    The link is shown to nobody else but staff.
    """
    offering = registration.offering
    if registration.status != Registration.Status.CONFIRMED or not offering.is_online:
        return Session.objects.none()
    return (
        offering.sessions.filter(status=Session.Status.SCHEDULED, ends_at__gt=timezone.now())
        .exclude(stream_url="")
        .order_by("starts_at")
    )


# What a person may still put in a calendar: a place they hold or are offered.
CALENDAR_STATUSES = (Registration.Status.CONFIRMED, Registration.Status.OFFERED)


def calendar_sessions(*, registration: Registration) -> "QuerySet[Session]":
    """The coming scheduled sessions of a registration that holds or is offered a place."""
    if registration.status not in CALENDAR_STATUSES:
        return Session.objects.none()
    return (
        registration.offering.sessions.filter(
            status=Session.Status.SCHEDULED, ends_at__gt=timezone.now()
        )
        .select_related("offering__program", "offering__center", "room")
        .order_by("starts_at")
    )


def registrations_for_phone(*, phone: str) -> "QuerySet[Registration]":
    """Every registration of every participant with this phone, the newest first.

    The certificate comes along (a reverse one-to-one): the list offers its download.
    """
    return (
        Registration.objects.filter(participant__phone=phone)
        .select_related("participant", "offering__program", "offering__center", "certificate")
        .order_by("-offering__first_starts_at", "-pk")
    )
