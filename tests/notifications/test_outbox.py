"""The outbox: written with the change, delivered after commit, retried, failures kept."""

import datetime

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from bilim.notifications.models import Message
from bilim.notifications.services import (
    MAX_ATTEMPTS,
    backoff,
    message_deliver,
    message_queue,
    message_retry,
    messages_deliver_due,
)


def _sms(**changes):
    values = {
        "channel": Message.Channel.SMS,
        "recipient": "+996555123456",
        "body": "Катталдыңыз: «Санарип сабаттуулук 50+», 3-декабрь 18:00.",
        "kind": "confirmation",
    }
    values.update(changes)
    return message_queue(**values)


@pytest.mark.django_db(transaction=True)
def test_message_of_a_rolled_back_change_is_neither_stored_nor_sent(gateway):
    with pytest.raises(RuntimeError), transaction.atomic():
        _sms()
        raise RuntimeError("the registration failed")
    assert not Message.objects.exists()
    assert gateway.received == []


@pytest.mark.django_db(transaction=True)
def test_sms_is_delivered_through_the_gateway_after_commit(gateway):
    with transaction.atomic():
        message = _sms()
        assert gateway.received == []  # nothing leaves before the change is committed
    message.refresh_from_db()
    assert message.status == Message.Status.SENT
    assert message.provider_id == "msg-1"
    assert gateway.received[0]["fields"]["message"] == message.body


@pytest.mark.django_db(transaction=True)
def test_email_goes_over_smtp_in_the_persons_language(smtp):
    with transaction.atomic():
        message_queue(
            channel=Message.Channel.EMAIL,
            recipient="aigul@example.kg",
            subject="Каттоо ырасталды",
            body="Сиз «Санарип сабаттуулук 50+» программасына катталдыңыз.",
            kind="confirmation",
        )
    [received] = smtp.to("aigul@example.kg")
    assert str(received["subject"]).strip() == "Каттоо ырасталды"
    assert "катталдыңыз" in received.get_content()
    assert Message.objects.get().status == Message.Status.SENT


@pytest.mark.django_db(transaction=True)
def test_failing_gateway_is_retried_with_growing_waits_then_given_up(gateway):
    gateway.status = 503
    with transaction.atomic():
        message = _sms()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Message.Status.PENDING, 1)
    assert "503" in message.last_error
    waits = []
    for _ in range(MAX_ATTEMPTS - 1):
        now = message.next_attempt_at
        before = message.attempts
        message_deliver(message_id=message.pk, now=now)
        message.refresh_from_db()
        assert message.attempts == before + 1
        if message.status == Message.Status.PENDING:
            waits.append(message.next_attempt_at - now)
    assert waits == [backoff(n) for n in range(2, MAX_ATTEMPTS)]
    assert waits == sorted(waits)
    assert message.status == Message.Status.FAILED
    assert len(gateway.received) == MAX_ATTEMPTS


@pytest.mark.django_db(transaction=True)
def test_a_message_is_not_sent_before_its_retry_time(gateway):
    gateway.status = 500
    with transaction.atomic():
        message = _sms()
    message.refresh_from_db()
    gateway.status = 200
    assert message_deliver(message_id=message.pk, now=timezone.now()).sent is False
    assert len(gateway.received) == 1
    assert messages_deliver_due(now=message.next_attempt_at) == 1
    message.refresh_from_db()
    assert message.status == Message.Status.SENT


@pytest.mark.django_db(transaction=True)
def test_refused_number_fails_at_once_and_staff_can_send_it_again(gateway):
    gateway.status = 400
    with transaction.atomic():
        message = _sms()
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Message.Status.FAILED, 1)
    gateway.status = 200
    with transaction.atomic():
        message_retry(message=message)
    message.refresh_from_db()
    assert message.status == Message.Status.SENT


@pytest.mark.django_db(transaction=True)
def test_the_same_event_is_queued_once(gateway):
    with transaction.atomic():
        first = _sms(dedupe_key="reminder-24h:registration:7")
        second = _sms(dedupe_key="reminder-24h:registration:7")
    assert first is not None and second is None
    assert len(gateway.received) == 1


@pytest.mark.django_db(transaction=True)
def test_sent_message_is_never_sent_twice(gateway):
    with transaction.atomic():
        message = _sms()
    assert message_deliver(message_id=message.pk).sent is False
    assert len(gateway.received) == 1


@pytest.mark.django_db(transaction=True)
def test_deliver_messages_command_sends_what_is_due(gateway, settings):
    settings.SMS_BACKEND = "bilim.notifications.sms.ConsoleBackend"
    Message.objects.create(
        channel=Message.Channel.SMS,
        recipient="+996555000000",
        body="x",
        kind="reminder",
        next_attempt_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    call_command("deliver_messages", verbosity=0)
    assert Message.objects.get().status == Message.Status.SENT
