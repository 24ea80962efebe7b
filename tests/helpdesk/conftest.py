import pytest
from django.utils import translation

from bilim.helpdesk.models import ServiceCategory
from bilim.helpdesk.reference import categories_ensure
from bilim.registrations.models import Participant


@pytest.fixture(autouse=True)
def _categories(db):
    """The seeded categories, also after a transactional test flushed them."""
    categories_ensure()
    with translation.override("ky"):
        yield


@pytest.fixture
def category() -> ServiceCategory:
    return ServiceCategory.objects.get(code="e-signature")


def participant(name: str, phone: str = "+996555123456") -> Participant:
    return Participant.objects.create(
        name=name, name_key=name.lower(), phone=phone, sex="female", language="ky"
    )
