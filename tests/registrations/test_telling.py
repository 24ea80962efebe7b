"""The person is told of a new registration by a task queued with the registration."""

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from bilim.notifications.models import Message
from bilim.registrations.models import Registration
from bilim.registrations.tasks import tell_new_registration
from tests.registrations.factories import UpcomingOfferingFactory, sign_up

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def offering(db):
    """A group of two places, so that the third person waits."""
    return UpcomingOfferingFactory.create(capacity=2)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


def test_the_task_is_queued_in_the_registrations_transaction(offering, database_queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        sign_up(offering, 1)
        assert DBTaskResult.objects.count() == 1
        raise RuntimeError("the sign-up fails after the registration was written")
    assert not DBTaskResult.objects.exists()  # no message about a registration that is not

    registration = sign_up(offering, 2).registration
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "bilim.registrations.tasks.tell_new_registration"
    assert not Message.objects.exists()  # composed by the worker, not the request

    queued.task.call(*queued.args_kwargs["args"], **queued.args_kwargs["kwargs"])
    sms = Message.objects.get(channel=Message.Channel.SMS)
    assert sms.recipient == registration.participant.phone
    assert sms.kind == "confirmation"


def test_the_waitlist_position_shown_is_the_one_told(offering):
    sign_up(offering, 1)
    sign_up(offering, 2)
    waiting = sign_up(offering, 3)
    assert waiting.position == 1
    sms = Message.objects.get(recipient=waiting.registration.participant.phone)
    assert sms.kind == "waitlisted"
    assert "1" in sms.body


def test_a_registration_cancelled_before_the_task_runs_is_not_confirmed(offering):
    registration = sign_up(offering, 1).registration
    Message.objects.all().delete()
    Registration.objects.filter(pk=registration.pk).update(status=Registration.Status.CANCELLED)
    assert tell_new_registration.call(registration.pk, None) is False
    assert not Message.objects.exists()
