"""Background work of registrations."""

from django_tasks import task

from .messages import tell_registered
from .models import Registration


@task()
def tell_new_registration(registration_id: int, position: int | None) -> bool:
    """Confirm a new registration, or tell the waitlist position, by SMS and e-mail.

    Composed here rather than in the sign-up request, which then only queues this task:
    the request is the busiest path of the site (docs/performance.md). A registration
    that has changed since (cancelled, offered a place) is told by that change instead;
    `position` is the waitlist position the person was shown.
    """
    registration = Registration.objects.select_related(
        "participant", "offering__program", "offering__center"
    ).get(pk=registration_id)
    if registration.status not in (Registration.Status.CONFIRMED, Registration.Status.WAITLISTED):
        return False
    tell_registered(registration, position=position)
    return True
