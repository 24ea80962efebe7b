"""A group of four sessions that ended yesterday, with people registered before it began."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from django.utils import timezone

from bilim.attendance.models import Attendance
from bilim.registrations.models import Registration
from bilim.scheduling.models import Offering, Session
from tests.factories import ProgramFactory
from tests.registrations.factories import register
from tests.scheduling.factories import OfferingFactory, SessionFactory

NOW = timezone.now()


@dataclass
class Group:
    offering: Offering
    sessions: list[Session]
    people: list[Registration] = field(default_factory=list)

    def register(self, name: str, *, language: str = "ky", email: str = "") -> Registration:
        registration = register(
            self.offering,
            len(self.people) + 1,
            name=name,
            sex="female",
            language=language,
            email=email,
            now=self.sessions[0].starts_at - datetime.timedelta(days=3),
        )
        self.people.append(registration)
        return registration

    def attend(self, registration: Registration, count: int) -> None:
        for session in self.sessions[:count]:
            Attendance.objects.create(
                session=session, registration=registration, method=Attendance.Method.ROSTER
            )


def make_group(
    *, center=None, sessions: int = 4, rule: int | None = 75, days_ago: int = 1
) -> Group:
    program = ProgramFactory(
        title_ky="Жарандык билим: шайлоо укугу жана өңүт",
        title_ru="Гражданское образование: избирательное право",
        title_en="Civic education: the right to vote",
        hours=Decimal("12.0"),
        session_count=sessions,
        certificate_min_attendance=rule,
    )
    offering = OfferingFactory(program=program, **({"center": center} if center else {}))
    last_day = NOW - datetime.timedelta(days=days_ago)
    made = []
    for index in range(sessions):
        starts = last_day - datetime.timedelta(days=7 * (sessions - 1 - index), hours=3)
        made.append(
            SessionFactory(
                offering=offering, starts_at=starts, ends_at=starts + datetime.timedelta(hours=2)
            )
        )
    offering.refresh_from_db()
    return Group(offering, made)


@pytest.fixture
def group(db) -> Group:
    return make_group()
