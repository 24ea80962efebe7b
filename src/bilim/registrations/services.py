"""Register, join the waitlist, cancel, pass freed places on; never above capacity.

Every change to who holds a place of an offering runs under the lock of the offering's
row, so concurrent sign-ups for one offering are decided one after the other.
"""

import datetime
import re
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from bilim.accounts.models import User
from bilim.geography.models import District
from bilim.scheduling.models import Offering
from bilim.web.task_queue import enqueue_with_transaction

from .access import alert_center, unmet_needs
from .errors import (
    ALREADY_THERE,
    NO_OFFER,
    NOT_CANCELLABLE,
    NOT_MOVABLE,
    REGISTRATION_CLOSED,
    SAME_OFFERING,
    TOO_YOUNG,
    RegistrationError,
)
from .messages import tell_offer_lapsed, tell_offered, tell_registered
from .models import IMMEDIATE_PROMOTION, Consent, Participant, Registration, age_band
from .selectors import cancel_refusal
from .tasks import tell_new_registration

Status = Registration.Status


@dataclass(frozen=True)
class Person:
    """What a person tells when registering (the phone already normalised)."""

    name: str
    phone: str
    sex: str
    language: str
    email: str = ""
    birth_year: int | None = None
    disability: str = "no"
    access_needs: tuple[str, ...] = ()
    home_district: District | None = None
    # The language of the page (or the spoken text) whose consent paragraph was accepted.
    consent_language: str = ""


@dataclass
class Outcome:
    registration: Registration
    created: bool
    position: int | None = None  # on the waitlist


def name_key(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip().casefold()


def _participant(person: Person) -> tuple[Participant, bool]:
    """Find the returning person by phone and name, or create them with the answers given.

    A returning person's stored details are never changed here: nobody who registers has
    proved the phone, and the name on their certificates must not be rewritten by whoever
    types their name and number. The answers go to the registration's own snapshot;
    `participant_update` (after the phone is proved) is the one way to change the details.
    The second value tells whether the person was already known.
    """
    key = name_key(person.name)
    participant = Participant.objects.filter(phone=person.phone, name_key=key).first()
    if participant is not None:
        return participant, True
    participant = Participant(
        phone=person.phone,
        name_key=key,
        name=_clean_name(person.name),
        sex=person.sex,
        language=person.language,
        disability=person.disability,
        access_needs=list(person.access_needs),
        email=person.email,
        birth_year=person.birth_year,
        home_district=person.home_district,
    )
    # The same new person registering at the same moment for two offerings: the second
    # insert gets the id of the first row instead of failing, in one statement where a
    # savepoint and a retry would take four. It "updates" only name_key, to the value the
    # row already has, so the first answers stay.
    Participant.objects.bulk_create(
        [participant],
        update_conflicts=True,
        unique_fields=["phone", "name_key"],
        update_fields=["name_key"],
    )
    return participant, False


def _clean_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip()


# What registering reads under the lock: the offering, its program's minimum age and
# title (for the messages, in every language), and its center's id. Leaving out the long
# texts of the program and the center in three languages makes the lock's query a third
# as costly (docs/performance.md); the center's access features load when needs are told.
LOCKED_FIELDS = (
    *(field.name for field in Offering._meta.concrete_fields),
    "program__min_age",
    *(f"program__title_{code}" for code in settings.MODELTRANSLATION_LANGUAGES),
    "center__id",
)


def _locked(offering: Offering) -> Offering:
    """The offering's row, locked to the end of the transaction (its program and center
    come along for the messages, unlocked)."""
    offerings = Offering.objects.select_related("program", "center").only(*LOCKED_FIELDS)
    if settings.REGISTRATION_LOCKING:
        offerings = offerings.select_for_update(of=("self",))
    return offerings.get(pk=offering.pk)


def waitlist_position(registration: Registration) -> int | None:
    """1 for the first person waiting; None when the person is not waiting."""
    if registration.status != Status.WAITLISTED or registration.waitlisted_at is None:
        return None
    ahead = Registration.objects.filter(
        Q(waitlisted_at__lt=registration.waitlisted_at)
        | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk),
        offering_id=registration.offering_id,
        status=Status.WAITLISTED,
    ).count()
    return ahead + 1


def registration_create(
    *,
    offering: Offering,
    person: Person,
    channel: str,
    entered_by: User | None = None,
    idempotency_key: str | None = None,
    now: datetime.datetime | None = None,
) -> Outcome:
    """Register a person: a place if one is free and nobody waits, else the waitlist.

    Repeating the same request (same idempotency key, or the same person for the same
    offering) returns the registration made the first time. Only the offering's id is
    read from `offering`: the rest is read under its lock (Offering.DoesNotExist if gone).
    """
    for attempt in range(RANDOM_CODE_TRIES):
        try:
            return _register(
                offering=offering,
                person=person,
                channel=channel,
                entered_by=entered_by,
                idempotency_key=idempotency_key,
                now=now or timezone.now(),
            )
        except IntegrityError:
            # A repeat that the checks under the lock could not see (its first copy made
            # the person too): the unique constraints refused it; answer with the first.
            participant = Participant.objects.filter(
                phone=person.phone, name_key=name_key(person.name)
            ).first()
            earlier = None
            if participant is not None:
                earlier = _active_registration(
                    participant, offering, idempotency_key=idempotency_key
                )
            if earlier is not None:
                return Outcome(earlier, created=False, position=waitlist_position(earlier))
            if attempt == RANDOM_CODE_TRIES - 1:
                raise
            # Not a repeat: the request id was someone else's (a client that reuses it),
            # or a random code (check-in code, short link) was taken. Again, with fresh
            # codes and without a request id that another registration holds.
            if idempotency_key and _idempotency_key_taken(idempotency_key):
                idempotency_key = None
    raise AssertionError("unreachable")  # the loop returns or raises


# A new registration draws random codes that must be unique (8-digit check-in code,
# short link): a collision is rare but possible, and is drawn again rather than lost.
RANDOM_CODE_TRIES = 3


def _idempotency_key_taken(key: str) -> bool:
    return Registration.objects.filter(idempotency_key=key).exists()


@transaction.atomic
def _register(
    *,
    offering: Offering,
    person: Person,
    channel: str,
    entered_by: User | None,
    idempotency_key: str | None,
    now: datetime.datetime,
) -> Outcome:
    # Everything before the offering's lock is the person's own rows, so concurrent
    # sign-ups for one popular offering queue only for the few statements after it.
    participant, returning = _participant(person)
    Consent.objects.create(
        participant=participant,
        version=settings.CONSENT_VERSION,
        # The language of the text the person read, which may differ from their messages'.
        language=person.consent_language or person.language,
        channel=channel,
    )
    offering = _locked(offering)
    # Only a person known before this request can already be registered here (a double
    # click, a retry, or coming back to the form): under the lock, the answer is sure.
    if returning:
        earlier = _active_registration(participant, offering, idempotency_key=idempotency_key)
        if earlier is not None:
            return Outcome(earlier, created=False, position=waitlist_position(earlier))
    # A walk-in stands at the door of a session under way: it still counts for them.
    if not offering.registration_is_open(now, walk_in=channel == Registration.Channel.WALK_IN):
        raise RegistrationError(REGISTRATION_CLOSED)
    min_age = offering.program.min_age
    if min_age and person.birth_year and now.year - person.birth_year < min_age:
        raise RegistrationError(TOO_YOUNG, params={"age": min_age})
    return _enrol(
        offering,
        Registration(
            participant=participant,
            channel=channel,
            entered_by=entered_by,
            idempotency_key=idempotency_key or None,
            sex=person.sex,
            age_band=age_band(person.birth_year, now.date()),
            disability=person.disability,
            home_district=person.home_district,
            access_needs=list(person.access_needs),
        ),
        now,
    )


def _active_registration(
    participant: Participant, offering: Offering, *, idempotency_key: str | None
) -> Registration | None:
    """The person's registration in the offering, or the one the same request made."""
    same = Q(offering=offering) & ~Q(status=Status.CANCELLED)
    if idempotency_key:
        same |= Q(idempotency_key=idempotency_key)
    return Registration.objects.filter(same, participant=participant).first()


def _enrol(offering: Offering, registration: Registration, now: datetime.datetime) -> Outcome:
    """Save a new registration with a place if one is free and nobody waits, else waiting.

    The offering row is locked; the person is told and the center alerted of unmet needs.
    """
    someone_waits = offering.registrations.filter(status=Status.WAITLISTED).exists()
    confirmed = offering.confirmed_count < offering.capacity and not someone_waits
    registration.offering = offering
    registration.status = Status.CONFIRMED if confirmed else Status.WAITLISTED
    registration.waitlisted_at = None if confirmed else now
    registration.save()
    if confirmed:
        offering.confirmed_count += 1
        offering.save(update_fields=["confirmed_count"])
    elif offering.confirmed_count < offering.capacity:
        # A place left free by a lapsed offer (its holder passed over in that round): the
        # first person waiting, often that same person, is offered it now.
        _promote(offering, now)
    outcome = Outcome(registration, created=True, position=waitlist_position(registration))
    enqueue_with_transaction(tell_new_registration, registration.pk, outcome.position)
    alert_center(registration, unmet_needs(offering, registration.access_needs))
    return outcome


def _promote(
    offering: Offering, now: datetime.datetime, *, passed_over: Registration | None = None
) -> list[Registration]:
    """Give free places to the first people waiting; the offering row is locked.

    `passed_over` (whose offer just lapsed) gets nothing in this round: with nobody
    else waiting, the place simply stays free.
    """
    promoted = []
    soon = offering.first_starts_at is not None and offering.first_starts_at - now < (
        IMMEDIATE_PROMOTION
    )
    hold = datetime.timedelta(hours=offering.offer_hold_hours)
    while offering.confirmed_count < offering.capacity:
        waiting = offering.registrations.filter(status=Status.WAITLISTED)
        if passed_over is not None:
            waiting = waiting.exclude(pk=passed_over.pk)
        first = waiting.order_by("waitlisted_at", "pk").first()
        if first is None:
            break
        if soon:
            first.status = Status.CONFIRMED
            first.save(update_fields=["status"])
            tell_registered(first)
        else:
            first.status = Status.OFFERED
            first.offer_expires_at = now + hold
            first.save(update_fields=["status", "offer_expires_at"])
            tell_offered(first)
        offering.confirmed_count += 1
        promoted.append(first)
    offering.save(update_fields=["confirmed_count"])
    return promoted


@transaction.atomic
def registration_cancel(
    *, registration: Registration, now: datetime.datetime | None = None
) -> Registration:
    """Cancel a registration; a place it held goes to the first person waiting.

    Refused once the group has ended, or when the person attended or has a certificate.
    """
    now = now or timezone.now()
    offering = _locked(registration.offering)
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("offering")
        .get(pk=registration.pk)
    )
    refusal = cancel_refusal(registration=registration, now=now)
    if refusal is not None:
        raise RegistrationError(refusal)
    _withdraw(registration, offering, now)
    return registration


def _withdraw(registration: Registration, offering: Offering, now: datetime.datetime) -> None:
    """Cancel a locked registration; a place it held goes to the first person waiting."""
    if registration.status == Status.CANCELLED:
        raise RegistrationError(NOT_CANCELLABLE)
    held_place = registration.status in (Status.CONFIRMED, Status.OFFERED)
    registration.status = Status.CANCELLED
    registration.cancelled_at = now
    registration.save(update_fields=["status", "cancelled_at"])
    if held_place:
        offering.confirmed_count -= 1
        _promote(offering, now)


@transaction.atomic
def offer_accept(
    *, registration: Registration, now: datetime.datetime | None = None
) -> Registration:
    """The person takes the place held for them."""
    now = now or timezone.now()
    _locked(registration.offering)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    expired = registration.offer_expires_at is not None and registration.offer_expires_at <= now
    if registration.status != Status.OFFERED or expired:
        raise RegistrationError(NO_OFFER)
    registration.status = Status.CONFIRMED
    registration.offer_expires_at = None
    registration.save(update_fields=["status", "offer_expires_at"])
    tell_registered(registration)
    return registration


def offers_expire(*, now: datetime.datetime | None = None) -> int:
    """Pass every unanswered offer whose time is up to the next person; return how many.

    The person who let it lapse goes back to the end of the waitlist (they are not
    cancelled) and is told their new position; the place goes to the next person
    waiting, never straight back to them.
    """
    now = now or timezone.now()
    expired = Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
    count = 0
    for registration in expired.select_related("offering"):
        with transaction.atomic():
            offering = _locked(registration.offering)
            lapsed = (
                Registration.objects.select_for_update(of=("self",))
                .filter(pk=registration.pk, status=Status.OFFERED, offer_expires_at__lte=now)
                .first()
            )
            if lapsed is not None:
                _offer_lapse(lapsed, offering, now)
                count += 1
    return count


def _offer_lapse(registration: Registration, offering: Offering, now: datetime.datetime) -> None:
    """Put a locked registration whose offer lapsed back at the end of the waitlist."""
    registration.status = Status.WAITLISTED
    registration.waitlisted_at = now
    registration.offer_expires_at = None
    registration.offer_lapsed_at = now
    registration.save(
        update_fields=["status", "waitlisted_at", "offer_expires_at", "offer_lapsed_at"]
    )
    offering.confirmed_count -= 1
    _promote(offering, now, passed_over=registration)
    tell_offer_lapsed(registration, position=waitlist_position(registration))


@transaction.atomic
def registration_move(
    *,
    registration: Registration,
    to_offering: Offering,
    entered_by: User | None,
    channel: str = Registration.Channel.PHONE,
    now: datetime.datetime | None = None,
) -> Outcome:
    """Move a person to another offering: cancel the registration, register them there.

    The freed place passes to the first person waiting, as a cancellation does; the new
    registration gets a place or a waitlist position like any other. It is a new
    registration entered by the staff member (by phone unless told otherwise) and keeps
    the answers of the old one, so the reports count the person as they registered.
    """
    now = now or timezone.now()
    if registration.offering_id == to_offering.pk:
        raise RegistrationError(SAME_OFFERING)
    # Both rows locked, always the lower primary key first: two moves in opposite
    # directions then wait for each other instead of deadlocking.
    locked = {o.pk: _locked(o) for o in sorted((registration.offering, to_offering), key=_pk)}
    source, target = locked[registration.offering_id], locked[to_offering.pk]
    registration = (
        Registration.objects.select_for_update()
        .select_related("participant")
        .get(pk=registration.pk)
    )
    if registration.status == Status.CANCELLED:
        raise RegistrationError(NOT_MOVABLE)
    if not target.registration_is_open(now):
        raise RegistrationError(REGISTRATION_CLOSED)
    participant = registration.participant
    min_age = target.program.min_age
    if min_age and participant.birth_year and now.year - participant.birth_year < min_age:
        raise RegistrationError(TOO_YOUNG, params={"age": min_age})
    there = Registration.objects.filter(participant=participant, offering=target)
    if there.exclude(status=Status.CANCELLED).exists():
        raise RegistrationError(ALREADY_THERE)
    _withdraw(registration, source, now)
    return _enrol(
        target,
        Registration(
            participant=participant,
            channel=channel,
            entered_by=entered_by,
            sex=registration.sex,
            age_band=registration.age_band,
            disability=registration.disability,
            home_district_id=registration.home_district_id,
            access_needs=list(registration.access_needs),
        ),
        now,
    )


def _pk(offering: Offering) -> int:
    return offering.pk
