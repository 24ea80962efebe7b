"""The daily run and a manager's button at the same moment: nobody gets two certificates."""

import threading

import pytest
from django.db import connection

from bilim.certificates.models import Certificate
from bilim.certificates.services import certificates_issue
from bilim.notifications.models import Message

from .conftest import NOW, make_group

pytestmark = pytest.mark.django_db(transaction=True)
RUNS = 4


def test_simultaneous_runs_issue_each_certificate_once(settings):
    settings.SMS_BACKEND = "bilim.notifications.sms.ConsoleBackend"
    group = make_group()
    for n in range(6):
        group.attend(group.register(f"Участник {n}", language="ru"), 4)
    start = threading.Barrier(RUNS)
    issued: list[int] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            start.wait()
            issued.append(len(certificates_issue(offering=group.offering, now=NOW)))
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(RUNS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(issued) == [0] * (RUNS - 1) + [6]
    numbers = list(Certificate.objects.values_list("number", flat=True))
    assert len(numbers) == len(set(numbers)) == 6
    sms = Message.objects.filter(kind="certificate-ready", channel=Message.Channel.SMS)
    assert sms.count() == 6


def test_groups_issued_at_the_same_moment_share_one_run_of_numbers(settings):
    settings.SMS_BACKEND = "bilim.notifications.sms.ConsoleBackend"
    groups = [make_group() for _ in range(RUNS)]
    for g, group in enumerate(groups):
        for n in range(3):
            group.attend(group.register(f"Участник {g}-{n}", language="ru"), 4)
    start = threading.Barrier(RUNS)
    errors: list[BaseException] = []

    def run(group) -> None:
        try:
            start.wait()
            certificates_issue(offering=group.offering, now=NOW)
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(group,)) for group in groups]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    rows = sorted(
        int(n.rsplit("-", 1)[1]) for n in Certificate.objects.values_list("number", flat=True)
    )
    assert rows == list(range(1, 3 * RUNS + 1))  # no number twice, none skipped
