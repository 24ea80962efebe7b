"""A mail server or SMS gateway that accepts the connection and never answers holds the
outbox only for the timeout: the message waits for its retry, the next one goes out."""

import datetime
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import transaction
from django.utils import timezone

from bilim.notifications.models import Message
from bilim.notifications.services import backoff, message_queue

ROOT = Path(__file__).resolve().parents[2]


def _email(recipient: str) -> Message:
    message = message_queue(
        channel=Message.Channel.EMAIL,
        recipient=recipient,
        subject="Каттоо ырасталды",
        body="Сиз «Санарип сабаттуулук 50+» программасына катталдыңыз.",
        kind="confirmation",
    )
    assert message is not None
    return message


def _sms(recipient: str) -> Message:
    message = message_queue(
        channel=Message.Channel.SMS,
        recipient=recipient,
        body="Вы записаны: «Цифровая грамотность 50+», 3 декабря 18:00.",
        kind="confirmation",
        language="ru",
    )
    assert message is not None
    return message


def _waits_for_retry(message: Message, started: datetime.datetime) -> None:
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Message.Status.PENDING, 1)
    assert "timed out" in message.last_error
    assert started + backoff(1) <= message.next_attempt_at <= timezone.now() + backoff(1)


def test_mail_server_timeout_is_ten_seconds_unless_the_environment_says_otherwise():
    assert django_settings.EMAIL_TIMEOUT == 10
    done = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.conf import settings as s; print(s.EMAIL_TIMEOUT)",
        ],
        cwd=ROOT,
        env={**os.environ, "EMAIL_TIMEOUT": "2.5"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.split()[-1] == "2.5"


@pytest.mark.django_db(transaction=True)
def test_a_mail_server_that_never_answers_holds_the_outbox_only_for_the_timeout(
    hanging_smtp, settings
):
    relay, inbox = hanging_smtp
    settings.EMAIL_TIMEOUT = 1
    started, clock = timezone.now(), time.monotonic()
    with transaction.atomic():
        first = _email("aigul@example.kg")
        second = _email("bakyt@example.kg")
    assert time.monotonic() - clock < 5
    assert relay.hung.is_set()
    _waits_for_retry(first, started)
    assert [rcpt for rcpt, _message in inbox.messages] == [["bakyt@example.kg"]]
    second.refresh_from_db()
    assert second.status == Message.Status.SENT


@pytest.mark.django_db(transaction=True)
def test_an_sms_gateway_that_never_answers_holds_the_outbox_only_for_the_timeout(
    hanging_gateway, settings
):
    relay, gateway = hanging_gateway
    settings.SMS_GATEWAY_TIMEOUT = 1
    started, clock = timezone.now(), time.monotonic()
    with transaction.atomic():
        first = _sms("+996555123456")
        second = _sms("+996700654321")
    assert time.monotonic() - clock < 5
    assert relay.hung.is_set()
    _waits_for_retry(first, started)
    assert [r["fields"]["msisdn"] for r in gateway.received] == ["+996700654321"]
    second.refresh_from_db()
    assert second.status == Message.Status.SENT
