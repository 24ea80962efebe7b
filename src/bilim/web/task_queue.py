"""Queue a background task together with the change that causes it."""

from functools import partial
from typing import Any

from django.db import transaction
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend


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
