"""Background work of registrations."""

from functools import partial

from django.db import transaction
from django_tasks import task

from bilim.notifications.tasks import deliver_message

from .messages import tell_registered
from .models import Registration


@task()
def tell_new_registration(registration_id: int, position: int | None) -> bool:
    """Confirm a new registration, or tell the waitlist position, by SMS and e-mail.

    Composed here rather than in the sign-up request, which then only queues this task:
    the request is the busiest path of the site (docs/performance.md). A registration
    that has changed since (cancelled, offered a place) is told by that change instead;
    `position` is the waitlist position the person was shown.

    The messages are also sent here, as soon as they are written. During a burst of
    sign-ups the queue holds thousands of these tasks, and a delivery queued behind all
    of them reached the person minutes late. The outbox still keeps each message, and
    the delivery task queued with it then finds it sent and does nothing, or sends it if
    this task died first; a message that fails here is retried like any other.
    """
    with transaction.atomic():
        registration = Registration.objects.select_related(
            "participant", "offering__program", "offering__center"
        ).get(pk=registration_id)
        if registration.status not in (
            Registration.Status.CONFIRMED,
            Registration.Status.WAITLISTED,
        ):
            return False
        messages = tell_registered(registration, position=position)
        # Only once committed: nothing leaves for a registration that is rolled back. The
        # immediate backend (tests) runs this task inside the sign-up's own transaction.
        transaction.on_commit(partial(_deliver, [message.pk for message in messages]))
    return True


def _deliver(message_ids: list[int]) -> None:
    # Through the delivery task's own code, so that a failure schedules its retry.
    for message_id in message_ids:
        deliver_message.call(message_id)
