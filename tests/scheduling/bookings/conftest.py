import datetime

import pytest
from django.utils import timezone, translation

from tests.factories import RoomFactory
from tests.partners.conftest import smtp  # noqa: F401  (the real SMTP server fixture)
from tests.scheduling.factories import SpaceBookingFactory, at, next_weekday


@pytest.fixture(autouse=True)
def _english():
    """Service messages are read in English here, whatever an earlier test left active."""
    with translation.override("en"):
        yield


@pytest.fixture
def hall(network):
    """Center A1's big hall: 30 seats."""
    return RoomFactory(
        center=network.center_a1,
        name_ky="Чоң зал",
        name_ru="Большой зал",
        name_en="Hall",
        capacity=30,
    )


@pytest.fixture
def small_room(network):
    """Center A1's small room: 8 seats."""
    return RoomFactory(
        center=network.center_a1,
        name_ky="Кичи бөлмө",
        name_ru="Малая комната",
        name_en="Small room",
        capacity=8,
    )


@pytest.fixture
def wednesday():
    return next_weekday(2)


@pytest.fixture
def pending(network, hall, small_room, wednesday):
    """A pending request at center A1 for next Wednesday 15:00–17:00, 15 people, in Kyrgyz."""
    return SpaceBookingFactory(
        center=network.center_a1,
        starts_at=at(wednesday, 15),
        ends_at=at(wednesday, 17),
        expected_attendance=15,
        email="aiperi@jashtar.kg",
        language="ky",
        organisation="Жаштар демилгеси",
    )


def minutes_ago(minutes: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(minutes=minutes)
