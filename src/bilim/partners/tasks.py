"""Background tasks of the partners app: they take primary keys and call a service."""

from django_tasks import task

from .services.applications import application_acknowledge


# TODO(#12): remove a release after the outbox took over the acknowledgement. Until then it
# runs the tasks queued before the upgrade: application_submit now queues the e-mail itself.
@task()
def acknowledge_application(application_id: int) -> bool:
    """Queue the applicant's acknowledgement in the outbox (idempotent)."""
    return application_acknowledge(application_id=application_id)
