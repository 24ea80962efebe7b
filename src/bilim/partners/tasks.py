"""Background tasks of the partners app: they take primary keys and call a service."""

from django_tasks import task

from .services.applications import application_acknowledge


@task()
def acknowledge_application(application_id: int) -> bool:
    """Send the applicant the acknowledgement of their application (idempotent)."""
    return application_acknowledge(application_id=application_id)
