"""Reminders 24 and 2 hours before a session, once each, to confirmed people only."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from bilim.notifications.models import Message
from bilim.notifications.sms import segments
from bilim.registrations.models import Registration
from bilim.registrations.reminders import reminders_queue
from tests.registrations.factories import UpcomingOfferingFactory, register

NOW = timezone.now()


@pytest.fixture
def session(db):
    offering = UpcomingOfferingFactory.create(
        capacity=1, starts_at=NOW + datetime.timedelta(hours=20), hours=1
    )
    for n in (1, 2):  # one confirmed, one waiting
        register(
            offering,
            n,
            sex="male",
            channel=Registration.Channel.PHONE,
            now=NOW - datetime.timedelta(days=1),
        )
    return offering.sessions.get()


def test_day_before_one_reminder_to_the_confirmed_person(session):
    assert reminders_queue(now=NOW) == 1
    assert reminders_queue(now=NOW + datetime.timedelta(minutes=5)) == 0  # never twice
    reminder = Message.objects.get(kind="reminder-24h")
    assert reminder.recipient == "+996700000001"
    # The title may be cut to fit one SMS segment; its start says which group it is.
    assert session.offering.program.title_ky[:15] in reminder.body
    assert segments(reminder.body) <= 2


def test_two_hours_before_the_second_reminder(session):
    reminders_queue(now=NOW)
    assert reminders_queue(now=session.starts_at - datetime.timedelta(hours=1)) == 1
    assert Message.objects.filter(kind="reminder-2h").count() == 1


def test_no_reminder_for_a_cancelled_session(session):
    session.status = "cancelled"
    session.save()
    assert reminders_queue(now=NOW) == 0


def test_command_runs_reminders(session):
    call_command("send_reminders", verbosity=0)
    assert Message.objects.filter(kind__startswith="reminder").count() == 1
