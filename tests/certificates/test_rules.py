"""Who earns a certificate: confirmed people with enough attendance, once the group ended."""

import datetime

import pytest

from bilim.attendance.selectors import attendance_share
from bilim.certificates.rules import Share, earners, earns, has_ended, offering_shares
from bilim.registrations.models import Registration
from bilim.scheduling.models import Session

from .conftest import NOW, make_group


@pytest.mark.parametrize(
    ("attended", "held", "rule", "expected"),
    [
        (3, 4, 75, True),  # exactly the rule
        (2, 4, 75, False),
        (4, 4, 100, True),
        (2, 3, 67, False),  # 66.7 % is not 67 %
        (2, 3, 66, True),
        (0, 4, 0, True),
        (0, 0, 0, False),  # nothing held, nothing earned
        (4, 4, None, False),  # a program without a rule gives no certificate
    ],
)
def test_the_share_of_sessions_attended_decides(attended, held, rule, expected):
    assert earns(Share(attended, held), rule) is expected


def test_three_of_four_earns_a_certificate_and_two_of_four_does_not(group):
    three = group.register("Айгүл Осмонова")
    two = group.register("Бакыт Жумабеков")
    group.attend(three, 3)
    group.attend(two, 2)
    assert earners(group.offering, NOW) == [three.pk]


def test_cancelled_sessions_are_not_counted(group):
    person = group.register("Айгүл Осмонова")
    group.attend(person, 2)
    assert earners(group.offering, NOW) == []
    # Two of the four sessions did not take place: 2 of 2 held.
    Session.objects.filter(pk__in=[s.pk for s in group.sessions[2:]]).update(
        status=Session.Status.CANCELLED
    )
    assert offering_shares(group.offering, NOW)[person.pk] == Share(2, 2)
    assert earners(group.offering, NOW) == [person.pk]


def test_the_counts_agree_with_the_attendance_app(group):
    person = group.register("Айгүл Осмонова")
    group.attend(person, 3)
    share = offering_shares(group.offering, NOW)[person.pk]
    assert (share.attended, share.held) == attendance_share(registration=person, now=NOW)


def test_nobody_earns_one_before_the_last_session_ended(db):
    group = make_group(days_ago=-7)  # the last session is next week
    person = group.register("Айгүл Осмонова")
    group.attend(person, 3)
    assert not has_ended(group.offering, NOW)
    assert earners(group.offering, NOW) == []
    assert earners(group.offering, NOW + datetime.timedelta(days=8)) == [person.pk]


def test_only_confirmed_people_earn_one(group):
    person = group.register("Айгүл Осмонова")
    group.attend(person, 4)
    # Set in the database: the service refuses to cancel once a person attended.
    Registration.objects.filter(pk=person.pk).update(status=Registration.Status.CANCELLED)
    assert earners(group.offering, NOW) == []


def test_a_program_without_a_rule_gives_no_certificate(db):
    group = make_group(rule=None)
    person = group.register("Айгүл Осмонова")
    group.attend(person, 4)
    assert earners(group.offering, NOW) == []
