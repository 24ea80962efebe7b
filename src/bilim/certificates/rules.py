"""Who earns a certificate: confirmed people who attended enough of a group that ended.

Held sessions are `bilim.attendance.selectors.held_sessions` (not cancelled, started), as
for one person's share; this module counts a whole group at once, in two queries, for the
issue run and the staff page.
"""

import datetime
import math
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone

from bilim.attendance.selectors import held_sessions
from bilim.registrations.models import Registration
from bilim.scheduling.models import Offering


@dataclass(frozen=True)
class Share:
    attended: int
    held: int

    @property
    def percent(self) -> int:
        """Whole percent, rounded down: 2 of 3 is 66 %, never shown as 67 % against a 67 rule."""
        return math.floor(100 * self.attended / self.held) if self.held else 0


def gives_certificate(offering: Offering) -> bool:
    """A program without a rule (an empty percentage) gives no certificate."""
    return offering.program.certificate_min_attendance is not None


def has_ended(offering: Offering, now: datetime.datetime | None = None) -> bool:
    """The group took place and its last session is over."""
    return (
        offering.status == Offering.Status.PUBLISHED
        and offering.last_ends_at is not None
        and offering.last_ends_at <= (now or timezone.now())
    )


def earns(share: Share, min_percent: int | None) -> bool:
    """Attendance at least the program's percentage of the sessions held (no rounding up)."""
    if min_percent is None or share.held == 0:
        return False
    # Integers only: 3 of 4 against 75 % is exactly enough, without float error.
    return share.attended * 100 >= min_percent * share.held


def offering_shares(offering: Offering, now: datetime.datetime | None = None) -> dict[int, Share]:
    """Return the share of every confirmed registration of the group, by registration pk."""
    held = held_sessions(offering_id=offering.pk, now=now)
    held_count = held.count()
    counts = dict(
        Registration.objects.filter(offering=offering, status=Registration.Status.CONFIRMED)
        .annotate(
            attended=Count(
                "attendances",
                filter=Q(attendances__session__in=held.values("pk")),
            )
        )
        .values_list("pk", "attended")
    )
    return {pk: Share(attended, held_count) for pk, attended in counts.items()}


def earners(offering: Offering, now: datetime.datetime | None = None) -> list[int]:
    """Return the pks of the confirmed registrations that earn a certificate now."""
    if not gives_certificate(offering) or not has_ended(offering, now):
        return []
    rule = offering.program.certificate_min_attendance
    return [pk for pk, share in offering_shares(offering, now).items() if earns(share, rule)]
