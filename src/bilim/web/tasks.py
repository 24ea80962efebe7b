"""Background tasks of the site shell."""

from django.db import connection
from django.utils import timezone
from django_tasks import task


@task()
def heartbeat(note: str) -> dict[str, str]:
    """Prove the task worker runs: touch the database and echo the note back.

    `make run` and monitoring can enqueue it and read the result.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {"note": note, "ran_at": timezone.now().isoformat(), "database": connection.vendor}
