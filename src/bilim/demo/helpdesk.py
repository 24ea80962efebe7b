"""Help-desk consultations of the last two months, so that the figures page has a story.

A few hundred consultations over the demo centers: the demo manager's center and its
region busier than the rest, a few open centers with none at all. Synthetic and
deterministic (a fixed seed; dates follow the day of loading). Loaded once: a second run
finds consultations and adds nothing.
"""

import datetime
import random
from collections.abc import Sequence
from typing import TypeVar

from django.utils import timezone

from bilim.accounts.models import Role, RoleAssignment
from bilim.centers.models import Center
from bilim.helpdesk.models import Consultation, ServiceCategory
from bilim.helpdesk.reference import categories_ensure
from bilim.helpdesk.services import consultation_create
from bilim.registrations.models import AgeBand, Disability, Sex

T = TypeVar("T")

DAYS = 60
COUNT = 420
SEED = "bilim-helpdesk-demo"

# How often people come about each service (codes of helpdesk.reference.CATEGORIES).
CATEGORY_WEIGHTS = {
    "e-signature": 14,
    "portal-account": 12,
    "criminal-record": 10,
    "social-fund": 9,
    "id-card": 8,
    "service-center": 7,
    "tax": 6,
    "local-government": 6,
    "civil-status": 5,
    "social-services": 5,
    "travel-passport": 4,
    "residence": 4,
    "property": 3,
    "elections": 3,
    "vehicle": 2,
    "other": 2,
}
OUTCOMES = [("resolved", 70), ("referred", 20), ("not_resolved", 10)]
AGENCIES = [
    ("ЦОН", 9),
    ("Социалдык фонд", 5),
    ("Айыл өкмөтү", 4),
    ("Салык кызматы", 3),
    ("Налоговая служба", 2),
    ("ЗАГС", 2),
    ("Санарип аймак колдоо кызматы", 1),
]
REASONS = [
    ("Портал иштеген жок", 6),
    ("Документ жетишкен жок", 4),
    ("ID-картанын PIN-коду жок", 3),
    ("Нет доступа к интернету", 2),
    ("Телефонго SMS келген жок", 2),
]
MINUTES = [(5, 3), (10, 8), (15, 6), (20, 3), (30, 3), (45, 1), (60, 1)]
CHANNELS = [("walk_in", 8), ("phone", 2)]
SEXES = [(Sex.FEMALE, 55), (Sex.MALE, 35), (Sex.NOT_DISCLOSED, 10)]
AGE_BANDS = [
    (AgeBand.UNDER_18, 3),
    (AgeBand.FROM_18, 20),
    (AgeBand.FROM_30, 30),
    (AgeBand.FROM_50, 24),
    (AgeBand.FROM_65, 15),
    (AgeBand.NOT_DISCLOSED, 8),
]
DISABILITIES = [(Disability.YES, 6), (Disability.NO, 74), (Disability.NOT_DISCLOSED, 20)]


def _pick(rng: random.Random, weighted: Sequence[tuple[T, int]]) -> T:
    values = [value for value, _weight in weighted]
    return rng.choices(values, weights=[weight for _value, weight in weighted])[0]


def _moment(rng: random.Random, today: datetime.date, now: datetime.datetime) -> datetime.datetime:
    """A moment in the opening hours of one of the last DAYS days (not Sunday, not future)."""
    while True:
        day = today - datetime.timedelta(days=rng.randrange(DAYS))
        minute = rng.randrange(9 * 60, 17 * 60 + 30)
        moment = timezone.make_aware(
            datetime.datetime.combine(day, datetime.time(minute // 60, minute % 60))
        )
        if day.weekday() != 6 and moment <= now:
            return moment


def _center_weights(
    rng: random.Random, centers: list[Center], home: Center | None
) -> dict[int, float]:
    weights = {}
    for center in centers:
        if center.status != Center.Status.OPEN or rng.random() < 0.1:
            continue  # a desk that logs nothing is part of the story
        weight = rng.uniform(0.5, 1.5)
        if home is not None and center.pk == home.pk:
            weight = 12.0
        elif home is not None and center.district.region_id == home.district.region_id:
            weight *= 3
        weights[center.pk] = weight
    return weights


def load_consultations(centers: list[Center], *, now: datetime.datetime | None = None) -> None:
    """Log the demo consultations of the last two months, unless there are any already."""
    if Consultation.objects.exists() or not centers:
        return
    categories_ensure()
    now = now or timezone.now()
    today = timezone.localdate(now)
    rng = random.Random(SEED)
    by_code = {c.code: c for c in ServiceCategory.objects.filter(active=True)}
    categories = [(code, w) for code, w in CATEGORY_WEIGHTS.items() if code in by_code]
    # The demo manager logs at their own desk; other desks have no demo login.
    manager = (
        RoleAssignment.objects.filter(role=Role.CENTER, user__username="center")
        .select_related("user", "center__district")
        .first()
    )
    home = manager.center if manager else None
    weights = _center_weights(rng, centers, home)
    by_pk = {c.pk: c for c in centers}
    for _ in range(COUNT):
        center = by_pk[rng.choices(list(weights), weights=list(weights.values()))[0]]
        outcome = _pick(rng, OUTCOMES)
        consultation_create(
            center=center,
            entered_by=manager.user if manager and home and home.pk == center.pk else None,
            category=by_code[_pick(rng, categories)],
            outcome=outcome,
            referred_to=_pick(rng, AGENCIES) if outcome == "referred" else "",
            not_resolved_reason=_pick(rng, REASONS) if outcome == "not_resolved" else "",
            duration_minutes=_pick(rng, MINUTES),
            channel=_pick(rng, CHANNELS),
            sex=_pick(rng, SEXES),
            age_band=_pick(rng, AGE_BANDS),
            disability=_pick(rng, DISABILITIES),
            now=_moment(rng, today, now),
        )
