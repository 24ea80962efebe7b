import datetime

import pytest
from django.utils import timezone, translation

from bilim.helpdesk.models import ServiceCategory
from bilim.helpdesk.reference import categories_ensure
from bilim.walkins.services import ticket_call_next, ticket_finish, ticket_take

MINUTE = datetime.timedelta(minutes=1)


@pytest.fixture(autouse=True)
def _categories(request):
    """The seeded categories, also after a transactional test flushed them."""
    if "db" in request.fixturenames or "transactional_db" in request.fixturenames:
        categories_ensure()
    with translation.override("en"):
        yield


@pytest.fixture
def category() -> ServiceCategory:
    return ServiceCategory.objects.get(code="e-signature")


def local(day: str, hhmm: str) -> datetime.datetime:
    """An aware moment in the center's time zone: local("2026-03-02", "09:30")."""
    naive = datetime.datetime.fromisoformat(f"{day}T{hhmm}")
    return timezone.make_aware(naive)


def take(center, count: int = 1, *, at: datetime.datetime | None = None, **kwargs):
    """Take `count` numbers, a minute apart from `at` (default: a few minutes ago)."""
    start = at or timezone.now() - count * MINUTE
    return [ticket_take(center=center, now=start + i * MINUTE, **kwargs) for i in range(count)]


def serve(center, durations: list[int], *, desk: str = "1", user=None, at=None):
    """On an empty queue: take, call and serve one ticket per duration (minutes), in turn."""
    moment = at or timezone.now() - (sum(durations) + 5) * MINUTE
    for minutes in durations:
        ticket_take(center=center, now=moment)
        ticket = ticket_call_next(center=center, desk=desk, user=user, now=moment)
        moment += minutes * MINUTE
        ticket_finish(center=center, ticket=ticket, outcome="served", now=moment)
