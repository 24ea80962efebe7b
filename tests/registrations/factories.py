"""Groups with a session ahead, and the people who sign up for them."""

import datetime
from typing import Any

import factory
from django.utils import timezone
from factory.base import Factory

from bilim.registrations.models import Registration
from bilim.registrations.services import Outcome, Person, registration_create
from bilim.scheduling.models import Offering
from tests.scheduling.factories import OfferingFactory, SessionFactory

# (name, sex): the n-th person of a test gets the n-th of these, numbered, so that
# "Айгүл Осмонова 1" and "Бакыт Жумабеков 2" are two people and a page shows which.
NAMES = [
    ("Айгүл Осмонова", "female"),
    ("Бакыт Жумабеков", "male"),
    ("Ольга Иванова", "female"),
    ("Нургүл Асанова", "female"),
    ("Сергей Ким", "male"),
    ("Төлөн Токтосунов", "male"),
]


class PersonFactory(Factory[Person]):
    """What the n-th person types into the sign-up form; `n` numbers the name and the phone."""

    class Meta:
        model = Person

    class Params:
        n = factory.Sequence(lambda n: n + 1)

    name = factory.LazyAttribute(lambda p: f"{NAMES[(p.n - 1) % len(NAMES)][0]} {p.n}")
    phone = factory.LazyAttribute(lambda p: f"+996700{p.n:06d}")
    sex = factory.LazyAttribute(lambda p: NAMES[(p.n - 1) % len(NAMES)][1])
    language = "ky"


class UpcomingOfferingFactory(OfferingFactory):
    """A published group with one session `days` after `now` (or at `starts_at`), `hours` long.

    `room` puts the session in a room.
    """

    class Meta:
        skip_postgeneration_save = True  # the session saves the offering's dates itself

    class Params:
        now = factory.LazyFunction(timezone.now)
        days = 3
        starts_at = factory.LazyAttribute(lambda o: o.now + datetime.timedelta(days=o.days))
        hours = 2
        room = None

    session = factory.RelatedFactory(
        SessionFactory,
        factory_related_name="offering",
        starts_at=factory.SelfAttribute("..starts_at"),
        ends_at=factory.LazyAttribute(
            lambda s: s.starts_at + datetime.timedelta(hours=s.factory_parent.hours)
        ),
        room=factory.SelfAttribute("..room"),
    )


def sign_up(
    offering: Offering,
    n: int | None = None,
    *,
    channel: str = Registration.Channel.WEB,
    now: datetime.datetime | None = None,
    **person: object,
) -> Outcome:
    """Sign up the n-th person (`person` changes what they type); return the outcome."""
    if n is not None:
        person["n"] = n
    return registration_create(
        offering=offering, person=PersonFactory.build(**person), channel=channel, now=now
    )


def register(offering: Offering, n: int | None = None, **changes: Any) -> Registration:
    """Sign up the n-th person as `sign_up` does; return their registration."""
    return sign_up(offering, n, **changes).registration


def sign_up_form(**changes: str) -> dict[str, str]:
    """What Бакыт, born 1954, types into the public sign-up form (`changes` replace answers)."""
    return {
        "name": "Бакыт Жумабеков",
        "phone": "0700 123 456",
        "email": "",
        "sex": "male",
        "birth_year": "1954",
        "disability": "no",
        "language": "ky",
        "consent": "on",
        "request_id": "r1",
    } | changes
