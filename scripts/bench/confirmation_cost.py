"""What telling one sign-up costs the task worker, in-process: CPU, PostgreSQL CPU, SQL.

Signs people up through Django's test client with the database queue (untimed), then
runs the queued tasks in this process with django-tasks-db's own worker loop, as
`manage.py db_worker --batch` would, and divides by the number of sign-ups. Unlike the
timed benchmark this does not depend on what else the machine is doing. With
PROFILE=<file> it also writes a cProfile of the worker loop and prints its top entries.
Run from the repository root with the benchmark's environment (scripts/bench.sh) and
SMS_BACKEND=file:

    OFFERING=<id> .venv/bin/python scripts/bench/confirmation_cost.py [count]
"""

import cProfile
import os
import pstats
import sys
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bilim.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django_tasks_db.management.commands.db_worker import Worker  # noqa: E402
from django_tasks_db.models import DBTaskResult  # noqa: E402

CSRF = "benchbenchbenchbenchbenchbench01"


def backend_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def sign_up(client: Client, offering: int, run: int, n: int) -> None:
    form = {
        "csrfmiddlewaretoken": CSRF,
        "name": f"Bench tell cost {run} {n}",
        "phone": f"+996508{n:06d}",
        "sex": "female",
        "disability": "no",
        "language": "ru",
        "consent": "on",
        "request_id": f"bench-tell-cost-{run}-{n}",
    }
    response = client.post(
        f"/ru/offerings/{offering}/register/",
        urlencode(form),
        content_type="application/x-www-form-urlencoded",
    )
    if response.status_code != 302:
        raise SystemExit(f"sign-up answered {response.status_code}, not a redirect")


def work(label: str) -> None:
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=label,
        excluded_queue_names=[],
    ).run()


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    offering = int(os.environ["OFFERING"])
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies["csrftoken"] = CSRF
    run = time.time_ns()
    # Warm up: imports, translations and the connection, then an empty queue.
    for n in range(5):
        sign_up(client, offering, run, n)
    work("warm-up")
    for n in range(5, 5 + count):
        sign_up(client, offering, run, n)
    done_before = Counter(DBTaskResult.objects.successful().values_list("task_path", flat=True))
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    profile = cProfile.Profile() if os.environ.get("PROFILE") else None
    cpu, database, wall = time.process_time(), backend_cpu_seconds(backend), time.perf_counter()
    statements = []

    def counted(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        statements.append(1)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        if profile:
            profile.enable()
        work("cost")
        if profile:
            profile.disable()
    per = 1000 / count
    tasks = Counter(DBTaskResult.objects.successful().values_list("task_path", flat=True))
    tasks.subtract(done_before)
    print(
        f"telling one sign-up: {len(statements) / count:.1f} SQL statements, "
        f"{(time.process_time() - cpu) * per:.1f} ms Python CPU, "
        f"{(backend_cpu_seconds(backend) - database) * per:.1f} ms PostgreSQL CPU, "
        f"{(time.perf_counter() - wall) * per:.1f} ms wall "
        f"({count} sign-ups; tasks run: "
        + ", ".join(f"{n} {path.rsplit('.', 1)[1]}" for path, n in sorted(tasks.items()))
        + ")"
    )
    if profile:
        profile.dump_stats(os.environ["PROFILE"])
        pstats.Stats(os.environ["PROFILE"]).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
