"""Reads of certificates: by verification code (public), by personal link, for staff."""

import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

from bilim.accounts.selectors import Scope
from bilim.registrations.models import Registration
from bilim.scheduling.models import Offering
from bilim.scheduling.selectors import offering_list

from .models import Certificate
from .names import surname_matches
from .rules import Share, earns, offering_shares

CERTIFICATE_RELATED = (
    "registration__participant",
    "registration__offering__program__lead_partner",
    "registration__offering__center",
)


def certificate_by_code(*, code: str) -> Certificate | None:
    """Return the certificate a QR code points to, valid or revoked; None if unknown."""
    return (
        Certificate.objects.select_related(*CERTIFICATE_RELATED)
        .filter(verification_code=code)
        .first()
    )


def certificate_by_short_code(*, code: str) -> Certificate | None:
    """Return the certificate with this printed code (already cleaned); None if unknown."""
    return Certificate.objects.select_related(*CERTIFICATE_RELATED).filter(short_code=code).first()


def certificate_by_number(*, number: str, surname: str) -> Certificate | None:
    """Return the certificate with this number if its holder's name bears this surname.

    A wrong surname answers None, exactly like an unknown number: a number alone, which
    anyone can guess from its neighbours, must not tell who holds it.
    """
    certificate = (
        Certificate.objects.select_related(*CERTIFICATE_RELATED).filter(number=number).first()
    )
    if certificate is None or not surname_matches(
        name=certificate.registration.participant.name, surname=surname
    ):
        return None
    return certificate


def valid_certificate_for_token(*, token: str) -> Certificate:
    """Return the valid certificate of a personal link's registration; 404 otherwise."""
    certificate = (
        Certificate.objects.select_related(*CERTIFICATE_RELATED)
        .filter(registration__token=token, revoked_at__isnull=True)
        .first()
    )
    if certificate is None:
        raise Http404
    return certificate


def staff_certificate_get(*, scope: Scope, pk: int) -> Certificate:
    """Return a certificate of a group in scope; raises Certificate.DoesNotExist outside it."""
    return Certificate.objects.select_related(*CERTIFICATE_RELATED).get(
        pk=pk, registration__offering__in=offering_list(scope=scope).values("pk")
    )


@dataclass(frozen=True)
class Row:
    """One person of a group, their attendance and certificate, for staff."""

    registration: Registration
    share: Share | None  # None: no longer confirmed (cancelled after the certificate)
    qualifies: bool
    certificate: Certificate | None


def certificate_rows(*, offering: Offering, now: datetime.datetime | None = None) -> list[Row]:
    """Return the group's confirmed people by name, and anyone else holding a certificate."""
    shares = offering_shares(offering, now)
    rule = offering.program.certificate_min_attendance
    registrations = (
        Registration.objects.filter(
            Q(pk__in=list(shares)) | Q(certificate__isnull=False), offering=offering
        )
        .select_related("participant", "certificate")
        .order_by("participant__name_key", "pk")
    )
    rows = []
    for registration in registrations:
        share = shares.get(registration.pk)
        qualifies = share is not None and earns(share, rule)
        certificate = getattr(registration, "certificate", None)
        rows.append(Row(registration, share, qualifies, certificate))
    return rows
