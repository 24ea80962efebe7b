"""When a group takes sign-ups: the one rule for the catalog, sign-up, operators and walk-ins.

A group takes no sign-up (nor waitlist) once its only or last session has started, nor
once the sessions not yet started are too few to reach the program's certificate rule
(attendance of at least that percentage of the sessions held, `certificates.rules`) —
unless the program lets late joiners in: they may still come, but cannot earn it.

The rule is one SQL expression (`with_registration_state`), so lists filter on it and a
single group reads the same answer (`registration_state`).
"""

import datetime

from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.db.models.lookups import LessThan
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Offering, Session

OPEN = "open"
# Open, but the sessions left are too few for the certificate (the program allows it).
NO_CERTIFICATE = "no_certificate"
NOT_PUBLISHED = "not_published"
NOT_YET = "not_yet"
CLOSING_DATE_PASSED = "closing_date_passed"
LAST_SESSION_STARTED = "last_session_started"
TOO_LATE_FOR_CERTIFICATE = "too_late_for_certificate"

OPEN_STATES = (OPEN, NO_CERTIFICATE)

# Why a group is closed, in the words its page uses.
CLOSED_BECAUSE = {
    NOT_PUBLISHED: _("Registration for this group is closed."),
    NOT_YET: _("Registration for this group has not opened yet."),
    CLOSING_DATE_PASSED: _("Registration for this group is closed: the closing date has passed."),
    LAST_SESSION_STARTED: _("Registration is closed: the group's last session has already begun."),
    TOO_LATE_FOR_CERTIFICATE: _(
        "Registration is closed: too few sessions are left to earn the certificate."
    ),
}


def _session_count(condition: Q) -> Coalesce:
    # A subquery, not a join: lists also count registrations, and two joins would multiply.
    counted = (
        Session.objects.filter(condition, offering=OuterRef("pk"), status=Session.Status.SCHEDULED)
        .order_by()
        .values("offering")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_registration_state(
    offerings: "QuerySet[Offering]", now: datetime.datetime, *, walk_in: bool = False
) -> "QuerySet[Offering]":
    """Annotate each offering with `registration_state`, one of the states above.

    A walk-in is a person at the door of a session under way: that session still counts
    as one they can attend.
    """
    ahead = Q(ends_at__gt=now) if walk_in else Q(starts_at__gt=now)
    rule = F("program__certificate_min_attendance")
    too_few = LessThan(F("sessions_ahead") * 100, rule * F("sessions_total"))
    return offerings.annotate(
        sessions_total=_session_count(Q()),
        sessions_ahead=_session_count(ahead),
    ).annotate(
        registration_state=Case(
            When(~Q(status=Offering.Status.PUBLISHED), then=Value(NOT_PUBLISHED)),
            When(registration_opens__gt=now, then=Value(NOT_YET)),
            When(registration_closes__lte=now, then=Value(CLOSING_DATE_PASSED)),
            When(sessions_total__gt=0, sessions_ahead=0, then=Value(LAST_SESSION_STARTED)),
            When(
                too_few,
                then=Case(
                    When(program__late_joiners=True, then=Value(NO_CERTIFICATE)),
                    default=Value(TOO_LATE_FOR_CERTIFICATE),
                ),
            ),
            default=Value(OPEN),
        )
    )


def registration_state(
    offering: Offering, now: datetime.datetime | None = None, *, walk_in: bool = False
) -> str:
    """Return the state of one group's registration now (one query unless annotated)."""
    annotated: str | None = getattr(offering, "registration_state", None)
    if annotated is not None and not walk_in:
        return annotated
    state: str = (
        with_registration_state(
            Offering.objects.filter(pk=offering.pk), now or timezone.now(), walk_in=walk_in
        )
        .values_list(F("registration_state"), flat=True)
        .get()
    )
    return state
