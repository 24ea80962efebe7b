"""Queue a background task together with the change that causes it; take back abandoned ones."""

import datetime
import logging
from functools import partial
from typing import Any

from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)


def enqueue_with_transaction(task: Task[Any, Any], *args: Any) -> None:
    """Queue `task` so that it happens if, and only if, the current transaction commits.

    The database queue takes the task inside the transaction: one more row in the same
    commit, which the worker sees only once committed, and which a crash between commit
    and queueing cannot lose. The immediate backend (tests) runs it there too, as inline
    code would. Any other queue (Redis) is given the task once the transaction commits.
    """
    if isinstance(task.get_backend(), DatabaseBackend | ImmediateBackend):
        task.enqueue(*args)
    else:
        transaction.on_commit(partial(task.enqueue, *args))


def tasks_requeue_abandoned(
    *,
    lease: datetime.timedelta,
    alive_worker_id: str = "",
    now: datetime.datetime | None = None,
) -> int:
    """Put back in the queue the tasks still running `lease` after they started; return how many.

    The database queue marks a task RUNNING when a worker takes it, and nothing else ever
    changes that if the worker is killed (kill -9, out of memory, power cut): the task would
    stay "running" for good. Past the lease its worker is taken for dead and the task runs
    again; tasks are idempotent, so one that was in fact finishing does no harm. The tasks of
    `alive_worker_id` (the worker asking) are left alone: it knows it is alive.
    """
    cutoff = (now or timezone.now()) - lease
    running = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
    abandoned = [
        pk
        for pk, worker_ids in running.values_list("pk", "worker_ids")
        if not worker_ids or worker_ids[-1] != alive_worker_id
    ]
    if not abandoned:
        return 0
    # The same conditions again: a task taken anew since the read has a new start and stays.
    requeued = DBTaskResult.objects.filter(
        pk__in=abandoned, status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY)
    logger.warning("Put %s abandoned task(s) back in the queue: %s", requeued, abandoned)
    return requeued
