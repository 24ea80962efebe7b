"""What one sign-up costs, in-process: Python CPU, PostgreSQL CPU and SQL statements.

Unlike wrk, this does not depend on what else the machine is doing at the time (except
through shared caches): it posts sign-ups one after the other through Django's test
client and reads this process's CPU time and its PostgreSQL backend's (/proc). Run from
the repository root with the benchmark's environment (see scripts/bench.sh):

    OFFERING=<id> .venv/bin/python scripts/bench/sign_up_cost.py [count]
"""

import os
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bilim.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

CSRF = "benchbenchbenchbenchbenchbench01"
WARM_UP = 20


def backend_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    offering = int(os.environ["OFFERING"])
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies["csrftoken"] = CSRF
    run = time.time_ns()

    def sign_up(n: int) -> None:
        form = {
            "csrfmiddlewaretoken": CSRF,
            "name": f"Bench cost {run} {n}",
            "phone": f"0555{n:06d}",
            "sex": "female",
            "disability": "no",
            "language": "ru",
            "consent": "on",
            "request_id": f"bench-cost-{run}-{n}",
        }
        response = client.post(
            f"/ru/offerings/{offering}/register/",
            urlencode(form),
            content_type="application/x-www-form-urlencoded",
        )
        if response.status_code != 302:
            raise SystemExit(f"sign-up answered {response.status_code}, not a redirect")

    for n in range(WARM_UP):
        sign_up(n)
    with CaptureQueriesContext(connection) as queries:
        sign_up(WARM_UP)
    statements = len(queries)  # now: the next request empties the connection's query log
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        backend = cursor.fetchone()[0]
    cpu, database, wall = time.process_time(), backend_cpu_seconds(backend), time.perf_counter()
    for n in range(WARM_UP + 1, WARM_UP + 1 + count):
        sign_up(n)
    per = 1000 / count
    print(
        f"one sign-up: {statements} SQL statements, "
        f"{(time.process_time() - cpu) * per:.1f} ms Python CPU, "
        f"{(backend_cpu_seconds(backend) - database) * per:.1f} ms PostgreSQL CPU, "
        f"{(time.perf_counter() - wall) * per:.1f} ms wall ({count} sign-ups in a row)"
    )


if __name__ == "__main__":
    main()
