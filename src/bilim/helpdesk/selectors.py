"""Reads of the help desk, scoped through the one scoping layer."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from bilim.accounts.selectors import Capability, Scope
from bilim.centers.models import Center
from bilim.registrations.models import Participant
from bilim.scheduling.models import local_datetime

from .models import Consultation, ServiceCategory


def helpdesk_center_choices(*, scope: Scope) -> QuerySet[Center]:
    """Return the centers whose desk this scope may log consultations for."""
    if not scope.can(Capability.LOG_CONSULTATIONS):
        return Center.objects.none()
    centers = Center.objects.exclude(status=Center.Status.CLOSED).order_by("name")
    return scope.filter(centers, region="district__region", center="pk")


def category_choices() -> QuerySet[ServiceCategory]:
    """Return the service categories staff may choose, in the office's order."""
    return ServiceCategory.objects.filter(active=True).order_by("position", "code")


def consultations_today(*, scope: Scope, center: Center) -> QuerySet[Consultation]:
    """Return today's consultations at a center (local day), the newest first."""
    start = local_datetime(timezone.localdate())
    consultations = Consultation.objects.filter(
        center=center, created_at__gte=start, created_at__lt=start + datetime.timedelta(days=1)
    )
    return (
        scope.filter(consultations, region="center__district__region", center="center")
        .select_related("category")
        .order_by("-created_at", "-pk")
    )


def consultation_list(*, scope: Scope) -> QuerySet[Consultation]:
    """Return the consultations at the desks this scope works at (to correct or remove)."""
    if not scope.can(Capability.LOG_CONSULTATIONS):
        return Consultation.objects.none()
    return scope.filter(
        Consultation.objects.all(), region="center__district__region", center="center"
    ).select_related("center", "category", "participant", "entered_by", "updated_by")


def participants_by_phone(*, phone: str) -> QuerySet[Participant]:
    """Return the participants registered with this phone (a family may share one)."""
    return Participant.objects.filter(phone=phone).order_by("name", "pk")
