"""The demo has a finished group with certificates, one revoked, and loading again adds none."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from bilim.accounts.models import User
from bilim.accounts.selectors import scope_for
from bilim.attendance.models import Attendance
from bilim.certificates.models import Certificate
from bilim.certificates.selectors import certificate_rows
from bilim.scheduling.selectors import offering_list


@pytest.fixture(scope="module")
def _demo_loaded(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_loaded, db):
    return None


def test_the_demo_manager_finds_a_finished_group_with_certificates(demo):
    manager = scope_for(User.objects.get(username="center"))
    ended = offering_list(scope=manager).filter(last_ends_at__lt=timezone.now())
    [offering] = ended.filter(registrations__certificate__isnull=False).distinct()
    rows = certificate_rows(offering=offering)
    assert len(rows) == 10
    assert Attendance.objects.filter(registration__offering=offering).exists()
    issued = [row.certificate for row in rows if row.certificate]
    assert len(issued) >= 5
    assert all(row.qualifies for row in rows if row.certificate)
    assert any(not row.qualifies for row in rows)  # some came too seldom
    assert sum(not c.is_valid for c in issued) == 1
    assert {c.language for c in issued} == {"ky", "ru"}


def test_loading_the_demo_again_issues_nothing_more(demo):
    before = list(Certificate.objects.values_list("number", "revoked_at"))
    call_command("load_demo", verbosity=0)
    assert list(Certificate.objects.values_list("number", "revoked_at")) == before
