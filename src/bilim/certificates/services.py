"""Issue certificates to the people who earned them, in bulk and idempotently; revoke one."""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from bilim.accounts.models import User
from bilim.registrations.models import Registration
from bilim.scheduling.models import Offering

from .errors import (
    ALREADY_REVOKED,
    NO_CERTIFICATE_RULE,
    NOT_ENDED,
    OFFERING_NOT_PUBLISHED,
    REASON_REQUIRED,
    CertificateError,
)
from .messages import tell_certificate_ready
from .models import Certificate, NumberSequence
from .rules import earners, gives_certificate, has_ended

logger = logging.getLogger(__name__)

# How far back the daily run looks for groups that ended (a missed day is caught up).
ISSUE_WINDOW = datetime.timedelta(days=30)


def certificate_number(*, year: int, row: int) -> str:
    """Return the printed number: KG-2026-000123, the 123rd certificate issued in 2026."""
    return f"KG-{year}-{row:06d}"


def _take_numbers(*, year: int, count: int) -> range:
    """Return the next ``count`` row numbers of the year, taken for this transaction.

    The year's row stays locked until the transaction ends, so two runs issuing at the
    same moment (the daily timer and a manager's button) never take the same numbers,
    and a run that rolls back leaves no gap.
    """
    NumberSequence.objects.bulk_create([NumberSequence(year=year)], ignore_conflicts=True)
    # A plain FOR UPDATE: the row is changed right below.
    sequence = NumberSequence.objects.select_for_update().get(year=year)
    first = sequence.last + 1
    sequence.last += count
    sequence.save(update_fields=["last"])
    return range(first, first + count)


@transaction.atomic
def certificates_issue(
    *,
    offering: Offering,
    issued_by: User | None = None,
    now: datetime.datetime | None = None,
) -> list[Certificate]:
    """Issue a certificate to everyone of an ended group who earned one and has none yet.

    Running it again issues only to people who earned one since (attendance entered
    afterwards); a revoked certificate is not replaced. Each person is told by SMS
    (and e-mail) in their language, in the same transaction.
    """
    now = now or timezone.now()
    # One run per group at a time: the second waits here, then finds the certificates made.
    offering = (
        Offering.objects.select_for_update(of=("self",))
        .select_related("program", "center")
        .get(pk=offering.pk)
    )
    if offering.status != Offering.Status.PUBLISHED:
        raise CertificateError(OFFERING_NOT_PUBLISHED)
    if not gives_certificate(offering):
        raise CertificateError(NO_CERTIFICATE_RULE)
    if not has_ended(offering, now):
        raise CertificateError(NOT_ENDED)
    registrations = (
        Registration.objects.filter(pk__in=earners(offering, now), certificate__isnull=True)
        .select_related("participant", "offering__program", "offering__center")
        .order_by("participant__name_key", "pk")
    )
    earned = list(registrations)
    if not earned:
        return []
    year = timezone.localtime(now).year
    rows = _take_numbers(year=year, count=len(earned))
    issued = []
    for registration, row in zip(earned, rows, strict=True):
        certificate = Certificate.objects.create(
            registration=registration,
            number=certificate_number(year=year, row=row),
            language=registration.participant.language,
            hours=offering.program.hours,
            issued_by=issued_by,
        )
        certificate.issued_at = now  # auto_now_add ignores a given value
        certificate.save(update_fields=["issued_at"])
        tell_certificate_ready(certificate)
        issued.append(certificate)
    logger.info("Issued %s certificate(s) for offering %s.", len(issued), offering.pk)
    return issued


def certificates_issue_ended(*, now: datetime.datetime | None = None) -> int:
    """Issue for every group that ended in the last 30 days; return how many were issued.

    Each group in its own transaction, so one group's trouble does not hold back the rest.
    """
    now = now or timezone.now()
    ended = Offering.objects.filter(
        status=Offering.Status.PUBLISHED,
        program__certificate_min_attendance__isnull=False,
        last_ends_at__lte=now,
        last_ends_at__gt=now - ISSUE_WINDOW,
    ).order_by("last_ends_at", "pk")
    return sum(len(certificates_issue(offering=offering, now=now)) for offering in ended)


@transaction.atomic
def certificate_revoke(
    *,
    certificate: Certificate,
    reason: str,
    revoked_by: User | None,
    now: datetime.datetime | None = None,
) -> Certificate:
    """Revoke a certificate for good; the verification page says so from then on."""
    reason = reason.strip()
    if not reason:
        raise CertificateError(REASON_REQUIRED)
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at is not None:
        raise CertificateError(ALREADY_REVOKED)
    certificate.revoked_at = now or timezone.now()
    certificate.revoke_reason = reason[:300]
    certificate.revoked_by = revoked_by
    certificate.save(update_fields=["revoked_at", "revoke_reason", "revoked_by"])
    return certificate
