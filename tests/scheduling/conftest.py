import pytest
from django.utils import translation

from bilim.accounts.models import Role
from bilim.accounts.services import role_assign
from bilim.centers.models import OpeningException
from tests.factories import RoomFactory, UserFactory


@pytest.fixture(autouse=True)
def _kyrgyz():
    """Each test starts in Kyrgyz: a request in another language must not leak into the next."""
    with translation.override("ky"):
        yield


@pytest.fixture
def room(network):
    return RoomFactory(center=network.center_a1, name_ky="Чоң зал", name_ru="Большой зал")


@pytest.fixture
def other_room(network):
    return RoomFactory(center=network.center_a1, name_ky="Кичи зал", name_ru="Малый зал")


@pytest.fixture
def facilitator(network):
    """A facilitator who works at center A1, with a Kyrgyz name."""
    user = UserFactory(username="aigul", first_name="Айгүл", last_name="Осмонова")
    role_assign(user=user, role=Role.FACILITATOR, center_id=network.center_a1.pk)
    return user


def holiday(center, day, reason="Нооруз"):
    return OpeningException.objects.create(center=center, date=day, closed=True, reason=reason)
