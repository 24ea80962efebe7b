"""The background worker runs tasks end to end, in its own process."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings
from django_tasks import TaskResultStatus

from bilim.web.tasks import heartbeat

ROOT = Path(__file__).resolve().parents[2]
DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@override_settings(TASKS=DB_QUEUE)
def test_db_worker_process_runs_an_enqueued_task():
    result = heartbeat.enqueue("from the test")
    assert result.status == TaskResultStatus.READY

    env = {**os.environ, "DATABASE_URL": _database_url(), "TASKS_BACKEND": "db"}
    done = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--queue-name", "default"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value["note"] == "from the test"
    assert result.return_value["database"] == connection.vendor


def test_immediate_backend_runs_task_in_process(db):
    result = heartbeat.enqueue("now")
    assert result.status == TaskResultStatus.SUCCESSFUL
    assert result.return_value["note"] == "now"


REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/14")
RQ_QUEUE = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rq_worker_on_redis_runs_an_enqueued_task(settings):
    """TASKS_BACKEND=rq: the same task goes through Redis and an RQ worker process."""

    settings.RQ_QUEUES = {"default": {"URL": REDIS_URL}}
    settings.TASKS = RQ_QUEUE

    result = heartbeat.enqueue("through redis")
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "TASKS_BACKEND": "rq",
        "REDIS_URL": REDIS_URL,
    }
    done = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "rqworker",
            "--burst",
            "--job-class",
            "django_tasks_rq.Job",
            "default",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr

    result.refresh()
    assert result.status == TaskResultStatus.SUCCESSFUL, (result.errors, done.stdout[-2000:])
    assert result.return_value["note"] == "through redis"
