"""The background worker runs tasks end to end, in its own process."""

import datetime
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from bilim.notifications.models import Message
from bilim.notifications.services import message_queue
from bilim.web.task_queue import tasks_requeue_abandoned
from bilim.web.tasks import heartbeat
from tests.notifications.conftest import HangingRelay

ROOT = Path(__file__).resolve().parents[2]
DB_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def _database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@pytest.mark.django_db(transaction=True)
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


@pytest.mark.django_db(transaction=True)
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


# --- The worker we run (`task_worker`): slow servers and killed workers lose no message ---

WORKER = "task_worker"


def _worker_env(**values: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": _database_url(), "TASKS_BACKEND": "db", **values}


def _start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "manage.py", WORKER, "--queue-name", "default", "--no-reload"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )


def _queue_email(recipient: str) -> Message:
    with transaction.atomic():
        message = message_queue(
            channel=Message.Channel.EMAIL,
            recipient=recipient,
            subject="Каттоо ырасталды",
            body="Сиз «Санарип сабаттуулук 50+» программасына катталдыңыз.",
            kind="confirmation",
        )
    assert message is not None
    return message


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_QUEUE)
def test_worker_gives_up_on_servers_that_never_answer_and_sends_the_next_messages(
    hanging_smtp, hanging_gateway
):
    (mail_relay, inbox), (sms_relay, sms_gateway) = hanging_smtp, hanging_gateway
    with transaction.atomic():
        emails = [
            message_queue(
                channel="email",
                recipient=f"{name}@example.kg",
                subject="Салам",
                body="Катталдыңыз.",
                kind="confirmation",
            )
            for name in ("aigul", "bakyt")
        ]
        texts = [
            message_queue(channel="sms", recipient=phone, body="Катталдыңыз.", kind="confirmation")
            for phone in ("+996555123456", "+996700654321")
        ]
    env = _worker_env(
        EMAIL_URL=f"smtp://127.0.0.1:{mail_relay.port}",
        EMAIL_TIMEOUT="1",
        SMS_BACKEND="http",
        SMS_GATEWAY_URL=f"http://127.0.0.1:{sms_relay.port}/send",
        SMS_GATEWAY_FIELDS="to=msisdn,text=message",
        SMS_GATEWAY_TIMEOUT="1",
    )
    # Before mail had a timeout, this worker waited for the silent server for good.
    done = subprocess.run(
        [sys.executable, "manage.py", WORKER, "--batch", "--queue-name", "default"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert mail_relay.hung.is_set() and sms_relay.hung.is_set()

    for waiting, sent in (emails, texts):
        assert waiting is not None and sent is not None
        waiting.refresh_from_db()
        sent.refresh_from_db()
        assert (waiting.status, waiting.attempts) == (Message.Status.PENDING, 1)
        assert "timed out" in waiting.last_error
        assert waiting.next_attempt_at > timezone.now()  # the retry, in about a minute
        assert sent.status == Message.Status.SENT
    assert [rcpt for rcpt, _message in inbox.messages] == [["bakyt@example.kg"]]
    assert [r["fields"]["msisdn"] for r in sms_gateway.received] == ["+996700654321"]
    # Each message that timed out has its next attempt queued for the retry time.
    retries = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert emails[0] is not None and texts[0] is not None
    assert sorted(r.args_kwargs["args"][0] for r in retries) == sorted([emails[0].pk, texts[0].pk])


@pytest.mark.django_db(transaction=True)
@override_settings(TASKS=DB_QUEUE)
def test_a_delivery_whose_worker_is_killed_is_run_again_after_the_lease_and_sent_once(
    smtp, settings, tmp_path
):
    relay = HangingRelay(settings.EMAIL_PORT, hang=1)
    log = tmp_path / "worker.log"
    try:
        message = _queue_email("aigul@example.kg")
        [task] = DBTaskResult.objects.all()  # the killed worker's
        env = _worker_env(
            EMAIL_URL=f"smtp://127.0.0.1:{relay.port}",
            EMAIL_TIMEOUT="600",  # the first worker is still waiting when it is killed
            TASK_LEASE_SECONDS="2",
        )
        first = _start_worker(env, log)
        try:
            assert relay.hung.wait(60), log.read_text()
            # While the worker waits for the mail server, it holds no lock: on SQLite a
            # transaction open during the send locked the whole database, every sign-up.
            clock = time.monotonic()
            later = _queue_email("bakyt@example.kg")
            assert time.monotonic() - clock < 10
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(30)
        task.refresh_from_db()
        assert task.status == TaskResultStatus.RUNNING
        assert smtp.messages == []

        second = _start_worker(env, log)
        try:
            deadline = time.monotonic() + 90
            while time.monotonic() < deadline:
                unfinished = DBTaskResult.objects.filter(
                    status__in=[TaskResultStatus.READY, TaskResultStatus.RUNNING]
                )
                if not unfinished.exists():
                    break
                time.sleep(0.2)
            time.sleep(1)  # room for a second delivery, which must not come
        finally:
            second.terminate()
            second.wait(30)
    finally:
        relay.stop()

    message.refresh_from_db()
    task.refresh_from_db()
    assert message.status == Message.Status.SENT, log.read_text()
    assert task.status == TaskResultStatus.SUCCESSFUL, log.read_text()
    assert len(set(task.worker_ids)) == 2  # run by the killed worker, then by the new one
    later.refresh_from_db()
    assert later.status == Message.Status.SENT
    assert sorted(rcpt for rcpt, _message in smtp.messages) == [
        ["aigul@example.kg"],
        ["bakyt@example.kg"],
    ]
    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()


@pytest.mark.django_db
@override_settings(TASKS=DB_QUEUE)
def test_only_tasks_running_past_the_lease_on_another_worker_go_back_in_the_queue():
    now = timezone.now()
    started = {
        "dead": now - datetime.timedelta(minutes=6),
        "recent": now - datetime.timedelta(minutes=4),
        "me": now - datetime.timedelta(minutes=6),
    }
    ids = {}
    for worker, at in started.items():
        ids[worker] = heartbeat.enqueue(worker).id
        DBTaskResult.objects.filter(pk=ids[worker]).update(
            status=TaskResultStatus.RUNNING, started_at=at, worker_ids=["first", worker]
        )
    done = heartbeat.enqueue("done").id
    DBTaskResult.objects.filter(pk=done).update(
        status=TaskResultStatus.SUCCESSFUL, started_at=started["dead"]
    )

    lease = datetime.timedelta(minutes=5)
    assert tasks_requeue_abandoned(lease=lease, alive_worker_id="me", now=now) == 1
    status = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert status[uuid.UUID(ids["dead"])] == TaskResultStatus.READY
    assert status[uuid.UUID(ids["recent"])] == TaskResultStatus.RUNNING
    assert status[uuid.UUID(ids["me"])] == TaskResultStatus.RUNNING
    assert status[uuid.UUID(done)] == TaskResultStatus.SUCCESSFUL
