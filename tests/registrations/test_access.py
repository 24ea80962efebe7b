"""A person's access needs against what the venue provides; the manager is told."""

import pytest
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.accounts.services import role_assign
from bilim.notifications.models import Message
from tests.factories import CenterFactory, RoomFactory, UserFactory
from tests.registrations.factories import UpcomingOfferingFactory, register

NOW = timezone.now()


@pytest.fixture
def center(db):
    center = CenterFactory(step_free_entrance=True, sign_language_on_request=False)
    manager = UserFactory(username="manager", email="manager@bilim.kg", language="ru")
    role_assign(user=manager, role=Role.CENTER, center_id=center.pk)
    return center


def _register(center, needs, *, room_step_free=True):
    """Register Гүлнара, who has a disability, for a group in a room of the center."""
    room = RoomFactory(center=center, step_free=room_step_free)
    return register(
        UpcomingOfferingFactory(center=center, room=room, now=NOW, days=5, hours=1),
        name="Гүлнара Садыкова",
        phone="+996555111222",
        disability="yes",
        access_needs=tuple(needs),
        now=NOW,
    )


def test_needs_the_center_meets_raise_no_alert(client, center):
    registration = _register(center, ["wheelchair", "companion"])
    assert not Message.objects.filter(kind="access-needs").exists()
    page = client.get(f"/en/my/{registration.token}/").content.decode()
    assert "does not provide" not in page


def test_unmet_need_is_shown_to_the_person_and_the_manager_is_told(client, center):
    registration = _register(center, ["sign_language"])
    alert = Message.objects.get(kind="access-needs")
    assert alert.recipient == "manager@bilim.kg"
    assert "Гүлнара Садыкова" in alert.body and "+996555111222" in alert.body
    assert "сурдоперевод" in alert.body  # in the manager's language
    page = client.get(f"/en/my/{registration.token}/").content.decode()
    assert "does not provide everything" in page
    assert "sign-language interpreting" in page


def test_a_room_with_steps_fails_a_wheelchair_user_even_at_a_step_free_center(center):
    _register(center, ["wheelchair"], room_step_free=False)
    assert Message.objects.filter(kind="access-needs").count() == 1
