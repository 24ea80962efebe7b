"""Writes of the help desk."""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from bilim.accounts.models import User
from bilim.centers.models import Center
from bilim.registrations.models import AgeBand, Disability, Participant, Sex

from . import errors
from .errors import HelpdeskError
from .models import EDIT_DAYS, MAX_MINUTES, Consultation, ServiceCategory

logger = logging.getLogger(__name__)


def _answers(
    *,
    category: ServiceCategory,
    outcome: str,
    duration_minutes: int,
    channel: str,
    referred_to: str,
    not_resolved_reason: str,
    sex: str,
    age_band: str,
    disability: str,
    participant: Participant | None,
    person_agreed: bool,
    kept_category_id: int | None = None,
) -> dict[str, object]:
    """Apply the desk's rules; return the consultation's fields as they are to be stored.

    The agency and the reason are kept only for the outcome they explain, so a change of
    mind in the form (referred, then resolved) leaves no stray text behind.
    """
    referred_to = referred_to.strip() if outcome == Consultation.Outcome.REFERRED else ""
    reason = not_resolved_reason.strip() if outcome == Consultation.Outcome.NOT_RESOLVED else ""
    if outcome == Consultation.Outcome.REFERRED and not referred_to:
        raise HelpdeskError(errors.NEEDS_AGENCY, field="referred_to")
    if outcome == Consultation.Outcome.NOT_RESOLVED and not reason:
        raise HelpdeskError(errors.NEEDS_REASON, field="not_resolved_reason")
    if not 1 <= duration_minutes <= MAX_MINUTES:
        raise HelpdeskError(errors.BAD_DURATION, field="duration")
    # A correction may keep a service retired since the consultation was logged.
    if not category.active and category.pk != kept_category_id:
        raise HelpdeskError(errors.INACTIVE_CATEGORY, field="category")
    if participant is not None and not person_agreed:
        raise HelpdeskError(errors.NO_AGREEMENT, field="agrees")
    return {
        "category": category,
        "outcome": outcome,
        "referred_to": referred_to,
        "not_resolved_reason": reason,
        "duration_minutes": duration_minutes,
        "channel": channel,
        "sex": sex,
        "age_band": age_band,
        "disability": disability,
        "participant": participant,
    }


@transaction.atomic
def consultation_create(
    *,
    center: Center,
    entered_by: User | None,
    category: ServiceCategory,
    outcome: str,
    duration_minutes: int,
    channel: str,
    referred_to: str = "",
    not_resolved_reason: str = "",
    sex: str = Sex.NOT_DISCLOSED,
    age_band: str = AgeBand.NOT_DISCLOSED,
    disability: str = Disability.NOT_DISCLOSED,
    participant: Participant | None = None,
    person_agreed: bool = False,
    now: datetime.datetime | None = None,
) -> Consultation:
    """Record one consultation at a center's desk."""
    answers = _answers(
        category=category,
        outcome=outcome,
        duration_minutes=duration_minutes,
        channel=channel,
        referred_to=referred_to,
        not_resolved_reason=not_resolved_reason,
        sex=sex,
        age_band=age_band,
        disability=disability,
        participant=participant,
        person_agreed=person_agreed,
    )
    return Consultation.objects.create(
        center=center, entered_by=entered_by, created_at=now or timezone.now(), **answers
    )


def consultation_can_change(
    consultation: Consultation, *, now: datetime.datetime | None = None
) -> bool:
    """Whether the consultation is still young enough to be corrected or removed."""
    return (now or timezone.now()) - consultation.created_at < datetime.timedelta(days=EDIT_DAYS)


def _locked_changeable(consultation: Consultation, now: datetime.datetime) -> Consultation:
    # Locked so that two corrections (or a correction and a removal) do not cross.
    locked = Consultation.objects.select_for_update().filter(pk=consultation.pk).first()
    if locked is None:
        raise HelpdeskError(errors.GONE)
    if not consultation_can_change(locked, now=now):
        raise HelpdeskError(errors.TOO_OLD_TO_CHANGE, params={"days": EDIT_DAYS})
    return locked


@transaction.atomic
def consultation_update(
    *,
    consultation: Consultation,
    updated_by: User | None,
    category: ServiceCategory,
    outcome: str,
    duration_minutes: int,
    channel: str,
    referred_to: str = "",
    not_resolved_reason: str = "",
    sex: str = Sex.NOT_DISCLOSED,
    age_band: str = AgeBand.NOT_DISCLOSED,
    disability: str = Disability.NOT_DISCLOSED,
    participant: Participant | None = None,
    person_agreed: bool = False,
    now: datetime.datetime | None = None,
) -> Consultation:
    """Correct a consultation logged by mistake, under the rules of a new one.

    The center and the moment it was logged stay; who changed it last, and when, is kept.
    """
    now = now or timezone.now()
    locked = _locked_changeable(consultation, now)
    answers = _answers(
        category=category,
        outcome=outcome,
        duration_minutes=duration_minutes,
        channel=channel,
        referred_to=referred_to,
        not_resolved_reason=not_resolved_reason,
        sex=sex,
        age_band=age_band,
        disability=disability,
        participant=participant,
        person_agreed=person_agreed,
        kept_category_id=locked.category_id,
    )
    for name, value in answers.items():
        setattr(locked, name, value)
    locked.updated_by = updated_by
    locked.updated_at = now
    locked.save(update_fields=[*answers, "updated_by", "updated_at"])
    return locked


@transaction.atomic
def consultation_delete(
    *, consultation: Consultation, deleted_by: User | None, now: datetime.datetime | None = None
) -> None:
    """Remove a consultation logged by mistake (only while it can still be changed)."""
    now = now or timezone.now()
    locked = _locked_changeable(consultation, now)
    # No audit app yet: the log line keeps who removed which row from the figures.
    logger.info(
        "consultation %s at center %s removed by user %s",
        locked.pk,
        locked.center_id,
        deleted_by.pk if deleted_by else None,
    )
    locked.delete()
