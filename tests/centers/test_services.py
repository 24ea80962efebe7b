import datetime

import pytest
from django.db import IntegrityError, transaction

from bilim.accounts.models import Role
from bilim.accounts.selectors import scope_for
from bilim.centers.errors import CentersError
from bilim.centers.models import Center, OpeningException, OpeningHours
from bilim.centers.services import (
    center_set_status,
    center_set_week,
    center_staff_assign,
    opening_exception_save,
)
from tests.factories import CenterFactory, UserFactory

T = datetime.time


def test_a_planned_center_opens_and_records_the_date(db):
    center = CenterFactory(status=Center.Status.PLANNED, opened_on=None)
    center_set_status(center=center, status=Center.Status.OPEN)
    center.refresh_from_db()
    assert center.status == Center.Status.OPEN
    assert center.opened_on is not None


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (Center.Status.PLANNED, Center.Status.SUSPENDED),
        (Center.Status.OPEN, Center.Status.PLANNED),
        (Center.Status.CLOSED, Center.Status.SUSPENDED),
    ],
)
def test_impossible_status_changes_are_refused(db, start, target):
    center = CenterFactory(status=start)
    with pytest.raises(CentersError):
        center_set_status(center=center, status=target)
    center.refresh_from_db()
    assert center.status == start


def test_week_replaces_previous_hours(db):
    center = CenterFactory()
    center_set_week(center=center, periods=[(0, T(9), T(18))])
    center_set_week(center=center, periods=[(1, T(9), T(12, 30)), (1, T(13, 30), T(18))])
    assert list(center.opening_hours.values_list("weekday", flat=True)) == [1, 1]


def test_database_refuses_hours_that_close_before_opening(db):
    center = CenterFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        OpeningHours.objects.create(center=center, weekday=0, opens=T(18), closes=T(9))


def test_a_holiday_replaces_the_days_special_hours(db):
    center = CenterFactory()
    day = datetime.date(2026, 12, 31)
    opening_exception_save(
        center=center, date=day, closed=False, opens=T(9), closes=T(13), reasons={"ky": "Кыска күн"}
    )
    opening_exception_save(
        center=center, date=day, closed=True, opens=T(9), closes=T(13), reasons={"ky": "Майрам"}
    )
    exception = OpeningException.objects.get(center=center)
    assert exception.closed and exception.opens is None and exception.reason_ky == "Майрам"


def test_a_facilitator_at_a_center_does_not_see_its_data(db):
    center = CenterFactory()
    facilitator = UserFactory()
    manager = UserFactory()
    center_staff_assign(center=center, user=facilitator, role=Role.FACILITATOR)
    center_staff_assign(center=center, user=manager, role=Role.CENTER)
    assert scope_for(facilitator).center_ids == frozenset()
    assert scope_for(manager).center_ids == {center.pk}
