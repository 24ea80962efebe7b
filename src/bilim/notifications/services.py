"""Queue messages with the change that causes them; deliver them with retries."""

import datetime
import logging
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.utils import timezone

from bilim.centers.models import Center

from .models import Message
from .qr import qr_png
from .sms import SmsPermanentError, get_backend, segments

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 6
# After the 1st, 2nd, ... failure: wait 1, 5, 15, 60, 180 minutes.
BACKOFF_MINUTES = (1, 5, 15, 60, 180)


def backoff(attempts: int) -> datetime.timedelta:
    """How long to wait after the given number of failed attempts."""
    return datetime.timedelta(minutes=BACKOFF_MINUTES[min(attempts, len(BACKOFF_MINUTES)) - 1])


def message_queue(
    *,
    channel: str,
    recipient: str,
    body: str,
    kind: str,
    language: str = "ky",
    subject: str = "",
    center: Center | None = None,
    dedupe_key: str | None = None,
    qr_payload: str = "",
) -> Message | None:
    """Write a message to the outbox in the caller's transaction; deliver it after commit.

    `qr_payload` (e-mail only) is attached as a QR code image. Returns None when a
    message with the same dedupe_key was already queued.
    """
    if channel == Message.Channel.SMS:
        # Gateways take +996555123456; contacts may be stored as "+996 555 123 456".
        recipient = "+" + "".join(c for c in recipient if c.isdigit())
    message = Message(
        channel=channel,
        recipient=recipient,
        body=body,
        kind=kind,
        language=language,
        subject=subject,
        center=center,
        dedupe_key=dedupe_key,
        qr_payload=qr_payload if channel == Message.Channel.EMAIL else "",
        segments=segments(body) if channel == Message.Channel.SMS else None,
        next_attempt_at=timezone.now(),
    )
    if dedupe_key is not None:
        try:
            with transaction.atomic():
                message.save()
        except IntegrityError:
            return None
    else:
        message.save()
    from .tasks import deliver_message  # the task module imports this one

    transaction.on_commit(partial(deliver_message.enqueue, message.pk))
    return message


@dataclass(frozen=True)
class Delivery:
    sent: bool
    retry_at: datetime.datetime | None = None


def _send(message: Message) -> str:
    if message.channel == Message.Channel.EMAIL:
        email = EmailMessage(
            message.subject,
            message.body,
            settings.DEFAULT_FROM_EMAIL,
            [message.recipient],
            reply_to=[settings.BILIM_CONTACT_EMAIL],
        )
        if message.qr_payload:
            email.attach("qr-code.png", qr_png(message.qr_payload), "image/png")
        email.send()
        return ""
    return get_backend().send(message.recipient, message.body)


def message_deliver(*, message_id: int, now: datetime.datetime | None = None) -> Delivery:
    """Try to send one due message; on failure schedule the next attempt or give up.

    The message is claimed in a short transaction, sent with no transaction open, and the
    outcome recorded in another: a mail server that answers slowly holds no row lock (on
    SQLite, no lock on the whole database) while every sign-up waits. A claimed message is
    not due again for TASK_LEASE_SECONDS, so another worker leaves it alone, and a claim
    whose worker died (kill -9) runs out and the message is tried again.
    """
    now = now or timezone.now()
    message = _message_claim(message_id=message_id, now=now)
    if message is None:
        return _not_claimed(message_id=message_id, now=now)
    try:
        provider_id = _send(message)[:120]
    except Exception as error:  # every failure of a backend is recorded, whatever its class
        return _message_failed(message=message, error=error, now=now)
    Message.objects.filter(pk=message.pk, status=Message.Status.PENDING).update(
        status=Message.Status.SENT, sent_at=now, provider_id=provider_id, last_error=""
    )
    return Delivery(sent=True)


@transaction.atomic
def _message_claim(*, message_id: int, now: datetime.datetime) -> Message | None:
    # skip_locked: a message another worker is claiming this instant is theirs.
    message = (
        Message.objects.select_for_update(skip_locked=True)
        .filter(pk=message_id, status=Message.Status.PENDING, next_attempt_at__lte=now)
        .first()
    )
    if message is None:
        return None
    # Counted now: a message whose sending kills the worker every time still ends FAILED.
    message.attempts += 1
    message.next_attempt_at = now + datetime.timedelta(seconds=settings.TASK_LEASE_SECONDS)
    message.save(update_fields=["attempts", "next_attempt_at"])
    return message


def _not_claimed(*, message_id: int, now: datetime.datetime) -> Delivery:
    # A pending message not yet due waits for a retry or for another worker's claim to end:
    # the caller comes back then, so a message whose worker died is not left to the timer.
    waiting = Message.objects.filter(
        pk=message_id, status=Message.Status.PENDING, next_attempt_at__gt=now
    ).values_list("next_attempt_at", flat=True)
    return Delivery(sent=False, retry_at=waiting.first())


def _message_failed(*, message: Message, error: Exception, now: datetime.datetime) -> Delivery:
    last_error = f"{type(error).__name__}: {error}"[:2000]
    permanent = isinstance(error, SmsPermanentError) or message.attempts >= MAX_ATTEMPTS
    retry_at = None if permanent else now + backoff(message.attempts)
    changes: dict[str, object] = (
        {"status": Message.Status.FAILED} if retry_at is None else {"next_attempt_at": retry_at}
    )
    Message.objects.filter(pk=message.pk, status=Message.Status.PENDING).update(
        last_error=last_error, **changes
    )
    logger.warning("Message %s failed (attempt %s): %s", message.pk, message.attempts, error)
    return Delivery(sent=False, retry_at=retry_at)


def messages_deliver_due(*, now: datetime.datetime | None = None, limit: int = 500) -> int:
    """Deliver the messages whose time has come (a safety net run by a timer); return sent."""
    now = now or timezone.now()
    due = Message.objects.filter(
        status=Message.Status.PENDING, next_attempt_at__lte=now
    ).values_list("pk", flat=True)[:limit]
    return sum(message_deliver(message_id=pk, now=now).sent for pk in list(due))


@transaction.atomic
def message_retry(*, message: Message) -> Message:
    """Send a failed message again (after the address or the gateway was fixed)."""
    message = Message.objects.select_for_update().get(pk=message.pk)
    if message.status != Message.Status.FAILED:
        return message
    message.status = Message.Status.PENDING
    message.attempts = 0
    message.next_attempt_at = timezone.now()
    message.save(update_fields=["status", "attempts", "next_attempt_at"])
    from .tasks import deliver_message

    transaction.on_commit(partial(deliver_message.enqueue, message.pk))
    return message
