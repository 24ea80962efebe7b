"""The group most registration tests sign people up for."""

import pytest

from bilim.scheduling.models import Offering
from tests.registrations.factories import UpcomingOfferingFactory


@pytest.fixture
def offering(db) -> Offering:
    """A published group with one place and one session three days ahead."""
    return UpcomingOfferingFactory.create(capacity=1)
