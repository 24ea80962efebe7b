"""A person who signs up is sent the confirmation by the task that writes it.

During a burst of sign-ups the queue holds one "tell" task per person; a delivery queued
behind all of them reached the first person minutes late (issue 12, point 12).
"""

import json
import os
import subprocess
import sys

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from bilim.notifications.models import Message
from bilim.notifications.services import message_deliver
from bilim.registrations.models import Registration
from tests.notifications.conftest import gateway  # noqa: F401 - the fake SMS gateway fixture
from tests.registrations.factories import UpcomingOfferingFactory, sign_up
from tests.web.test_tasks_worker import ROOT, _database_url

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
TELL = "bilim.registrations.tasks.tell_new_registration"
DELIVER = "bilim.notifications.tasks.deliver_message"

# One person per language of the site, each signing up through the page in that language.
PEOPLE = [
    ("ky", "Айгүл Осмонова", "0700 100 001"),
    ("ru", "Ольга Петрова", "0555 100 002"),
    ("en", "Aibek Usenov", "0770 100 003"),
]


def _gateway_number(phone: str) -> str:
    return "+996" + phone[1:].replace(" ", "")


def _languages_sent(sent: list[dict[str, str]]) -> list[str]:
    """The language of each SMS sent, in the order sent, as the outbox recorded it."""
    language = dict(Message.objects.values_list("recipient", "language"))
    return [language[sms["to"]] for sms in sent]


def _run(task_result: DBTaskResult):
    """Run one queued task here, as the worker would."""
    args = task_result.args_kwargs
    return task_result.task.call(*args["args"], **args["kwargs"])


def _sign_up_form(language: str, name: str, phone: str) -> dict[str, str]:
    return {
        "name": name,
        "phone": phone,
        "email": "",
        "sex": "female",
        "birth_year": "1958",
        "disability": "no",
        "language": language,
        "consent": "on",
        "request_id": f"confirm-{language}",
    }


@pytest.fixture
def group(db):
    """A group with room for everyone, starting in three days."""
    return UpcomingOfferingFactory.create(capacity=5)


@pytest.fixture
def sms_file(settings, tmp_path):
    settings.SMS_BACKEND = "file"
    settings.SMS_FILE_PATH = tmp_path / "sms.jsonl"
    return settings.SMS_FILE_PATH


def _sent(path) -> list[dict[str, str]]:
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


@pytest.mark.django_db(transaction=True)
def test_the_task_that_writes_the_confirmation_sends_it(offering, settings, sms_file):
    settings.TASKS = DATABASE_QUEUE
    registration = sign_up(offering, 1).registration
    [tell] = DBTaskResult.objects.all()

    assert _run(tell) is True
    sms = Message.objects.get(channel=Message.Channel.SMS)
    assert sms.status == Message.Status.SENT
    assert [m["to"] for m in _sent(sms_file)] == [registration.participant.phone]

    # The delivery queued with the message is still in the queue: it finds nothing to do.
    [deliver] = DBTaskResult.objects.filter(task_path=DELIVER, status=TaskResultStatus.READY)
    assert _run(deliver) is False
    assert len(_sent(sms_file)) == 1


@pytest.mark.django_db(transaction=True)
def test_with_the_immediate_queue_a_sign_up_is_sent_once_in_its_language(client, group, sms_file):
    for language, name, phone in PEOPLE:
        client.post(
            f"/{language}/offerings/{group.pk}/register/",
            _sign_up_form(language, name, phone),
        )
    sent = _sent(sms_file)
    # Each once: the task's own send and the delivery queued with the message agree.
    assert [sms["to"] for sms in sent] == [_gateway_number(p[2]) for p in PEOPLE]
    assert _languages_sent(sent) == [p[0] for p in PEOPLE]
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.SENT}


@pytest.mark.django_db(transaction=True)
def test_a_confirmation_the_gateway_refused_is_tried_again_later(offering, settings, gateway):  # noqa: F811
    settings.TASKS = DATABASE_QUEUE
    gateway.status = 503
    sign_up(offering, 1)
    _run(DBTaskResult.objects.get(task_path=TELL))

    sms = Message.objects.get(channel=Message.Channel.SMS)
    assert (sms.status, sms.attempts) == (Message.Status.PENDING, 1)
    assert "503" in sms.last_error
    # The retry is queued for the time the outbox gives; the delivery queued with the
    # message runs before then and leaves the message for it.
    retry = DBTaskResult.objects.get(task_path=DELIVER, run_after=sms.next_attempt_at)
    queued = DBTaskResult.objects.filter(task_path=DELIVER).exclude(pk=retry.pk).get()
    assert _run(queued) is False
    assert Message.objects.get(pk=sms.pk).attempts == 1

    gateway.status = 200
    Message.objects.filter(pk=sms.pk).update(next_attempt_at=timezone.now())  # the wait is over
    assert _run(retry) is True
    sms.refresh_from_db()
    assert (sms.status, sms.attempts) == (Message.Status.SENT, 2)
    assert len(gateway.received) == 2


@pytest.mark.django_db(transaction=True)
def test_nothing_is_sent_for_a_sign_up_that_is_rolled_back(offering, sms_file):
    with pytest.raises(RuntimeError), transaction.atomic():
        sign_up(offering, 1)  # the immediate queue tells inside this transaction
        assert Message.objects.exists()
        raise RuntimeError("the sign-up fails after the person was told")
    assert not Registration.objects.exists()
    assert _sent(sms_file) == []


def _worker(*arguments: str, sms_path) -> None:
    from django.conf import settings

    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "TASKS_BACKEND": "db",
        "SMS_BACKEND": "file",
        "SMS_FILE_PATH": str(sms_path),
        "BILIM_SITE_URL": settings.BILIM_SITE_URL,
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--queue-name", "default", *arguments],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.django_db(transaction=True)
def test_after_a_burst_of_sign_ups_each_task_the_worker_runs_sends_one_confirmation(
    client, group, settings, tmp_path
):
    settings.TASKS = DATABASE_QUEUE
    sms_path = tmp_path / "sms.jsonl"
    for language, name, phone in PEOPLE:
        client.post(
            f"/{language}/offerings/{group.pk}/register/",
            _sign_up_form(language, name, phone),
        )
    assert DBTaskResult.objects.filter(task_path=TELL).count() == len(PEOPLE)

    # The worker runs as many tasks as people signed up: the "tell" tasks, queued first.
    _worker("--max-tasks", str(len(PEOPLE)), "--no-startup-delay", sms_path=sms_path)
    sent = _sent(sms_path)
    assert [sms["to"] for sms in sent] == [_gateway_number(p[2]) for p in PEOPLE]
    assert _languages_sent(sent) == [p[0] for p in PEOPLE]

    # The deliveries queued with the messages run after them and send nothing twice.
    _worker("--batch", "--no-startup-delay", sms_path=sms_path)
    assert len(_sent(sms_path)) == len(PEOPLE)
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    assert set(Message.objects.values_list("status", flat=True)) == {Message.Status.SENT}
    message = Message.objects.first()
    assert message is not None
    assert message_deliver(message_id=message.pk).sent is False
