"""Background delivery of the outbox."""

from django_tasks import task

from .services import message_deliver


@task()
def deliver_message(message_id: int) -> bool:
    """Send one message; when it must wait (a retry, another worker's claim), come back then.

    A backend that cannot defer (the in-process one of tests) leaves retries to the
    `deliver_messages` command.
    """
    delivery = message_deliver(message_id=message_id)
    if delivery.retry_at is not None and deliver_message.get_backend().supports_defer:
        deliver_message.using(run_after=delivery.retry_at).enqueue(message_id)
    return delivery.sent
