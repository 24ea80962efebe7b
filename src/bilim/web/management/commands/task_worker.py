"""The task worker Bilim runs: django-tasks-db's `db_worker`, with a lease on running tasks."""

import datetime
import logging
import os
import threading
import time
from typing import Any

from django.conf import settings
from django.core.management.base import CommandError
from django.db import DatabaseError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands import db_worker

from bilim.web.task_queue import tasks_requeue_abandoned

logger = logging.getLogger(__name__)


class LeasedWorker(db_worker.Worker):
    """db_worker's loop, and beside it a thread that puts abandoned tasks back in the queue.

    A thread, because the library's loop has no hook between tasks and must keep watch
    while it waits for work too.
    """

    def __init__(self, *, lease: datetime.timedelta, **options: Any) -> None:
        super().__init__(**options)
        self.lease = lease

    def run(self) -> None:
        self.requeue_abandoned()
        watch = threading.Thread(target=self._watch_leases, name="task-leases", daemon=True)
        watch.start()
        super().run()

    def requeue_abandoned(self) -> None:
        try:
            tasks_requeue_abandoned(lease=self.lease, alive_worker_id=self.worker_id)
        except DatabaseError:  # e.g. SQLite busy: the next round tries again
            logger.exception("Could not put abandoned tasks back in the queue")

    def _watch_leases(self) -> None:
        # A task is run again at most a quarter of a lease (30 s at most) after it expires.
        pause = min(self.lease.total_seconds() / 4, 30.0)
        while True:
            time.sleep(pause)
            self.requeue_abandoned()
            connections.close_all()  # this thread's own connection: no idle one held open


class Command(db_worker.Command):
    help = (
        "Run background tasks from the database queue. A task still running "
        "TASK_LEASE_SECONDS after it started (its worker was killed) is run again."
    )

    def handle(  # the same options as db_worker, read by name
        self,
        *,
        verbosity: int,
        queue_name: str,
        interval: float,
        batch: bool,
        backend_name: str,
        startup_delay: bool,
        reload: bool,
        max_tasks: int | None,
        worker_id: str,
        exclude_queues: str,
        **options: Any,
    ) -> None:
        self.configure_logging(verbosity)
        queue_names = queue_name.split(",")
        excluded_queue_names = exclude_queues.split(",") if exclude_queues else []
        if excluded_queue_names and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = LeasedWorker(
            lease=datetime.timedelta(seconds=settings.TASK_LEASE_SECONDS),
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded_queue_names,
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only in the child the reloader runs
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
