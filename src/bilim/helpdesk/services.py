"""Writes of the help desk."""

from django.db import transaction

from bilim.accounts.models import User
from bilim.centers.models import Center
from bilim.registrations.models import AgeBand, Disability, Participant, Sex

from . import errors
from .errors import HelpdeskError
from .models import MAX_MINUTES, Consultation, ServiceCategory


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
) -> Consultation:
    """Record one consultation at a center's desk.

    The agency and the reason are kept only for the outcome they explain, so a change of
    mind in the form (referred, then resolved) leaves no stray text behind.
    """
    referred_to = referred_to.strip() if outcome == Consultation.Outcome.REFERRED else ""
    reason = not_resolved_reason.strip() if outcome == Consultation.Outcome.NOT_RESOLVED else ""
    if outcome == Consultation.Outcome.REFERRED and not referred_to:
        raise HelpdeskError(str(errors.NEEDS_AGENCY), field="referred_to")
    if outcome == Consultation.Outcome.NOT_RESOLVED and not reason:
        raise HelpdeskError(str(errors.NEEDS_REASON), field="not_resolved_reason")
    if not 1 <= duration_minutes <= MAX_MINUTES:
        raise HelpdeskError(str(errors.BAD_DURATION), field="duration")
    if not category.active:
        raise HelpdeskError(str(errors.INACTIVE_CATEGORY), field="category")
    if participant is not None and not person_agreed:
        raise HelpdeskError(str(errors.NO_AGREEMENT), field="agrees")
    return Consultation.objects.create(
        center=center,
        entered_by=entered_by,
        category=category,
        outcome=outcome,
        referred_to=referred_to,
        not_resolved_reason=reason,
        duration_minutes=duration_minutes,
        channel=channel,
        sex=sex,
        age_band=age_band,
        disability=disability,
        participant=participant,
    )
