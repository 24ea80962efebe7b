import datetime

from django.db.models import Case, Exists, F, OuterRef, QuerySet, Value, When
from django.shortcuts import get_object_or_404
from django.utils import timezone

from bilim.core.errors import ErrorMessage
from bilim.scheduling.models import Offering, Session
from bilim.scheduling.registration_rule import CLOSED_BECAUSE, with_registration_state
from bilim.web.codes import typed_code_clean

from .errors import ATTENDED, GROUP_ENDED, HAS_CERTIFICATE, NOT_CANCELLABLE
from .models import LINK_CODE_LENGTH, Participant, Registration


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


# Why a registration cannot be cancelled, by the code `with_cancel_refusal` gives.
CANCEL_REFUSALS = {
    "cancelled": NOT_CANCELLABLE,
    "ended": GROUP_ENDED,
    "certificate": HAS_CERTIFICATE,
    "attended": ATTENDED,
}


def with_cancel_refusal(
    registrations: "QuerySet[Registration]", now: datetime.datetime
) -> "QuerySet[Registration]":
    """Annotate each registration with `cancel_refusal`: "" when it may be cancelled now.

    Not once the group has ended, nor after the person attended a session or received a
    certificate: the record of what they did stays as it was. Attendance and
    certificates sit above this app, so they are read through their reverse relations.
    """
    return registrations.annotate(
        cancel_refusal=Case(
            When(status=Registration.Status.CANCELLED, then=Value("cancelled")),
            When(offering__last_ends_at__lte=now, then=Value("ended")),
            When(Exists(_reverse("certificate")), then=Value("certificate")),
            When(Exists(_reverse("attendances")), then=Value("attended")),
            default=Value(""),
        )
    )


def _reverse(relation: str) -> "QuerySet[Registration]":
    return Registration.objects.filter(pk=OuterRef("pk"), **{f"{relation}__isnull": False})


def cancel_refusal(
    *, registration: Registration, now: datetime.datetime | None = None
) -> ErrorMessage | None:
    """Return why the registration cannot be cancelled now, or None when it can."""
    code: str = (
        with_cancel_refusal(Registration.objects.filter(pk=registration.pk), now or timezone.now())
        .values_list(F("cancel_refusal"), flat=True)
        .get()
    )
    return CANCEL_REFUSALS[code] if code else None


def first_waiting_exists(*, registration: Registration) -> bool:
    """Whether someone else waits for a place in the registration's group."""
    return (
        Registration.objects.filter(
            offering_id=registration.offering_id, status=Registration.Status.WAITLISTED
        )
        .exclude(pk=registration.pk)
        .exists()
    )


def offer_lapsed(*, registration: Registration) -> bool:
    """Whether the person is back on the waitlist because a place held for them lapsed."""
    return (
        registration.status == Registration.Status.WAITLISTED
        and registration.offer_lapsed_at is not None
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

    The certificate comes along (a reverse one-to-one): the list offers its download;
    `can_cancel` says whether the list offers to cancel.
    """
    registrations = (
        Registration.objects.filter(participant__phone=phone)
        .select_related("participant", "offering__program", "offering__center", "certificate")
        .order_by("-offering__first_starts_at", "-pk")
    )
    return with_cancel_refusal(registrations, timezone.now()).annotate(
        can_cancel=Case(When(cancel_refusal="", then=Value(True)), default=Value(False))
    )


def participants_for_phone(*, phone: str) -> "QuerySet[Participant]":
    """The people registered with this phone (a family may share one), by name."""
    return Participant.objects.filter(phone=phone).select_related("home_district__region")


def registration_by_link_code(*, code: str) -> Registration | None:
    """The registration a short link (/m/<code>) points to, or None.

    Typed by hand, O reads as 0 and I or L as 1, in either case (Crockford's base32).
    """
    clean = typed_code_clean(code, length=LINK_CODE_LENGTH)
    if clean is None:
        return None
    return (
        Registration.objects.select_related("participant")
        .only("token", "participant__language")
        .filter(link_code=clean.lower())
        .first()
    )
