"""How long a person waits for the SMS confirming their sign-up, under a steady flow of sign-ups.

Posts the public sign-up form at a fixed rate (open loop: a request leaves at its time
whether or not the server has answered the ones before), a new person each time, spread
over the given offerings. Then waits until every registration's SMS has been sent by the
task workers (the file SMS backend writes the time of each send) and prints, from the
registration's `created_at` to its SMS, the 50th and 95th percentile and the maximum; and
the same from the moment the request left, which adds the web server's queue.

Run by scripts/bench/confirmations.sh, with the benchmark's environment:

    BASE=http://127.0.0.1:8765 OFFERINGS=3,4,5 SMS_FILE=var/bench/sms.jsonl \
        .venv/bin/python scripts/bench/confirmations.py
"""

import datetime
import http.client
import json
import os
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import django

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bilim.settings")
django.setup()

from bilim.registrations.models import Registration  # noqa: E402

CSRF = "benchbenchbenchbenchbenchbench01"  # a 32-character secret: cookie and form agree


@dataclass
class SignUp:
    phone: str
    due: float  # when the request was meant to leave (epoch seconds)
    left: float = 0.0
    answered: float = 0.0
    status: int = 0


def post(base: str, offering: str, sign_up: SignUp, n: int, run: str) -> None:
    address = urlsplit(base)
    form = {
        "csrfmiddlewaretoken": CSRF,
        "name": f"Bench confirm {run} {n}",
        "phone": sign_up.phone,
        "sex": "female",
        "disability": "no",
        "language": "ru",
        "consent": "on",
        "request_id": f"bench-confirm-{run}-{n}",
    }
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={CSRF}",
    }
    sign_up.left = time.time()
    try:
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=120)
        connection.request("POST", f"/ru/offerings/{offering}/register/", urlencode(form), headers)
        sign_up.status = connection.getresponse().status
        connection.close()
    except OSError:
        sign_up.status = -1
    sign_up.answered = time.time()


def load(base: str, offerings: list[str], rate: float, seconds: float) -> list[SignUp]:
    """Post sign-ups at `rate` per second for `seconds`; return them once all are answered."""
    run = str(time.time_ns())[-9:]
    total = int(rate * seconds)
    start = time.time() + 0.5
    # Kyrgyz mobile numbers that neither the demo nor the other benchmarks give out; earlier
    # benchmark people are removed first (scripts/bench/registration_offerings.py).
    sign_ups = [SignUp(phone=f"+996509{n:06d}", due=start + n / rate) for n in range(total)]
    # Enough threads that a slow answer never holds the next request back.
    with ThreadPoolExecutor(max_workers=int(min(400, rate * 2))) as pool:
        for n, sign_up in enumerate(sign_ups):
            wait = sign_up.due - time.time()
            if wait > 0:
                time.sleep(wait)
            pool.submit(post, base, offerings[n % len(offerings)], sign_up, n, run)
    return sign_ups


def sms_times(path: Path, phones: set[str]) -> dict[str, float]:
    """The time of the first SMS to each of the phones, from the file backend's log."""
    sent: dict[str, float] = {}
    if not path.exists():
        return sent
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            try:
                record = json.loads(line)
            except ValueError:  # a line still being written
                continue
            if record["to"] in phones and record["to"] not in sent:
                sent[record["to"]] = datetime.datetime.fromisoformat(record["at"]).timestamp()
    return sent


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def show(label: str, values: list[float]) -> None:
    if not values:
        print(f"{label:<44} no values")
        return
    print(
        f"{label:<44} p50 {percentile(values, 0.50):7.2f} s   p95 {percentile(values, 0.95):7.2f} s"
        f"   max {max(values):7.2f} s"
    )


def main() -> None:
    base = os.environ["BASE"]
    offerings = os.environ["OFFERINGS"].split(",")
    rate = float(os.environ.get("RATE", "200"))
    seconds = float(os.environ.get("SECONDS", "30"))
    patience = float(os.environ.get("WAIT", "600"))
    sms_file = Path(os.environ["SMS_FILE"])

    sign_ups = load(base, offerings, rate, seconds)
    began, ended = sign_ups[0].left, max(s.left for s in sign_ups)
    answered = [s for s in sign_ups if s.status in (200, 302)]
    phones = {s.phone for s in answered}
    created = dict(
        Registration.objects.filter(participant__phone__in=phones).values_list(
            "participant__phone", "created_at"
        )
    )
    deadline = time.time() + patience
    sent = sms_times(sms_file, set(created))
    while len(sent) < len(created) and time.time() < deadline:
        time.sleep(0.5)
        sent = sms_times(sms_file, set(created))
    last_sms = max(sent.values(), default=began)

    web = [s.answered - s.left for s in answered]
    late = [s.left - s.due for s in sign_ups]
    print(
        f"sign-ups posted: {len(sign_ups)} in {ended - began:.1f} s "
        f"({len(sign_ups) / max(ended - began, 0.001):.0f}/s asked {rate:.0f}/s); "
        f"answered 302: {len(answered)}; errors: {len(sign_ups) - len(answered)}; "
        f"requests held back by the client: max {max(late):.2f} s"
    )
    print(
        f"registrations: {len(created)}; SMS sent: {len(sent)}; not sent after the wait: "
        f"{len(created) - len(sent)}; last SMS {last_sms - ended:.1f} s after the last request"
    )
    show("web answer (request left → answer)", web)
    by_phone = {s.phone: s for s in answered}
    show(
        "sign-up → SMS (Registration.created_at → sent)",
        [sent[p] - created[p].timestamp() for p in sent],
    )
    show("request left → SMS (adds the web queue)", [sent[p] - by_phone[p].left for p in sent])
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"this load generator used {usage.ru_utime + usage.ru_stime:.1f} s of CPU")


if __name__ == "__main__":
    main()
