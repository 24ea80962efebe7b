"""A group at center A1 whose session began half an hour ago, and people registered in it."""

import datetime

import pytest
from django.utils import timezone, translation

from bilim.accounts.models import Role
from bilim.accounts.services import role_assign
from bilim.registrations.models import Registration
from bilim.registrations.services import Person
from tests.factories import RoomFactory, UserFactory
from tests.registrations.factories import PersonFactory
from tests.registrations.factories import register as sign_up
from tests.scheduling.factories import OfferingFactory, SessionFactory

PEOPLE = ["Айгүл Төлөнова", "Нурлан Жээнбеков", "Гүлнара Өмүрова", "Ольга Ким"]


@pytest.fixture(autouse=True)
def _kyrgyz():
    """Each test starts in Kyrgyz: a request in another language must not leak into the next."""
    with translation.override("ky"):
        yield


def _adult(name: str | None) -> dict[str, object]:
    """A woman born in 1980, called `name` if given (else the factory's numbered name)."""
    return {"sex": "female", "birth_year": 1980} | ({"name": name} if name else {})


def person(n: int, name: str | None = None) -> Person:
    """What the n-th participant tells at the door."""
    return PersonFactory.build(n=n, **_adult(name))


def register(offering, n: int, name: str | None = None) -> Registration:
    """Register someone the day before the group's first session (registration was open)."""
    offering.refresh_from_db()
    first = offering.first_starts_at
    now = first - datetime.timedelta(days=1) if first else None
    return sign_up(offering, n, now=now, **_adult(name))


def group_facilitator():
    user = UserFactory(username="asel", first_name="Асель", last_name="Бекова")
    role_assign(user=user, role=Role.FACILITATOR)
    return user


def started_session(network, facilitator):
    """Today, started 30 minutes ago, in a room of center A1; the facilitator leads the group."""
    now = timezone.now()
    offering = OfferingFactory(
        program=network.own_program, center=network.center_a1, capacity=len(PEOPLE) + 1
    )
    offering.facilitators.add(facilitator)
    room = RoomFactory(center=network.center_a1, name_ky="Чоң зал", name_ru="Большой зал")
    session = SessionFactory(
        offering=offering,
        room=room,
        starts_at=now - datetime.timedelta(minutes=30),
        ends_at=now + datetime.timedelta(minutes=60),
    )
    # A second, later session keeps registration open for walk-ins.
    SessionFactory(
        offering=offering,
        starts_at=now + datetime.timedelta(days=7),
        ends_at=now + datetime.timedelta(days=7, hours=1),
    )
    return session


def register_people(session) -> dict[str, Registration]:
    """The people of PEOPLE, confirmed in the session's group, by name."""
    return {name: register(session.offering, n, name) for n, name in enumerate(PEOPLE, 1)}


@pytest.fixture
def facilitator(network):
    return group_facilitator()


@pytest.fixture
def session(network, facilitator):
    return started_session(network, facilitator)


@pytest.fixture
def people(session):
    return register_people(session)


@pytest.fixture
def other_session(network):
    """A session of another group at the same center, the same day."""
    now = timezone.now()
    return SessionFactory(
        offering=OfferingFactory(program=network.co_program, center=network.center_a1),
        starts_at=now - datetime.timedelta(minutes=10),
        ends_at=now + datetime.timedelta(hours=1),
    )
