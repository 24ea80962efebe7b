"""Check-in rules: who can be marked, by which code, walk-ins, and attendance entered later."""

import datetime

import pytest
from django.utils import timezone, translation

from bilim.attendance.errors import AttendanceError
from bilim.attendance.models import Attendance
from bilim.attendance.selectors import attendance_share
from bilim.attendance.services import (
    attendance_mark,
    attendance_record,
    attendance_undo,
    checkin_by_code,
    walk_in_register,
)
from bilim.notifications.models import Message
from bilim.registrations.messages import personal_link
from bilim.registrations.models import Registration
from bilim.registrations.services import registration_cancel
from bilim.scheduling.models import Session
from tests.attendance.conftest import person, register
from tests.scheduling.factories import SessionFactory

Method = Attendance.Method


@pytest.fixture(autouse=True)
def _english():
    """The messages are checked in English here (conftest starts every test in Kyrgyz)."""
    with translation.override("en"):
        yield


def _mark(session, registration, user=None):
    return attendance_mark(
        session=session, registration=registration, method=Method.ROSTER, marked_by=user
    )


def test_marking_twice_keeps_one_check_in_and_says_so(session, people, facilitator):
    aigul = people["Айгүл Төлөнова"]
    first = _mark(session, aigul, facilitator)
    again = _mark(session, aigul)
    assert first.created and not again.created
    assert again.attendance.pk == first.attendance.pk
    assert again.attendance.marked_by == facilitator
    assert Attendance.objects.count() == 1


def test_a_person_on_the_waitlist_is_not_checked_in(session, people):
    register(session.offering, 5, "Жылдыз Осмонова")  # the last place
    waiting = register(session.offering, 99, "Бакыт Асанов")
    assert waiting.status == Registration.Status.WAITLISTED
    with pytest.raises(AttendanceError, match="Бакыт Асанов is on the waitlist"):
        _mark(session, waiting)
    assert not Attendance.objects.exists()


def test_a_cancelled_registration_is_not_checked_in(session, people):
    olga = registration_cancel(registration=people["Ольга Ким"])
    with pytest.raises(AttendanceError, match="cancelled this registration"):
        _mark(session, olga)


def test_a_cancelled_session_refuses_check_in(session, people):
    session.status = Session.Status.CANCELLED
    session.save()
    with pytest.raises(AttendanceError, match="session is cancelled"):
        _mark(session, people["Ольга Ким"])


def test_a_code_of_another_group_is_refused_with_that_group_named(session, other_session, network):
    stranger = register(other_session.offering, 50, "Эрмек Сыдыков")
    with pytest.raises(AttendanceError, match="another group") as error:
        checkin_by_code(session=session, code=stranger.short_code, marked_by=None)
    assert network.co_program.title_en in error.value.message
    assert not Attendance.objects.exists()


@pytest.mark.parametrize("written", ["{a}{b}", "{a} {b}", "{a}-{b}", " {a} - {b} "])
def test_the_short_code_is_read_however_it_is_typed(session, people, written):
    olga = people["Ольга Ким"]
    code = written.format(a=olga.short_code[:4], b=olga.short_code[4:])
    marked = checkin_by_code(session=session, code=code, marked_by=None)
    assert marked.attendance.registration == olga
    assert marked.attendance.method == Method.CODE


def test_a_scanned_personal_link_checks_the_person_in(session, people):
    gulnara = people["Гүлнара Өмүрова"]
    marked = checkin_by_code(session=session, code=personal_link(gulnara), marked_by=None)
    assert marked.attendance.registration == gulnara
    assert marked.attendance.method == Method.QR


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("00000000", "Nobody is registered with this code"),
        ("1234", "Enter the 8 digits"),
        ("https://example.kg/ky/my/not-a-real-token-at-all/", "Nobody is registered"),
        ("hello", "Enter the 8 digits"),
    ],
)
def test_an_unknown_or_unreadable_code_is_explained(session, people, code, message):
    with pytest.raises(AttendanceError, match=message):
        checkin_by_code(session=session, code=code, marked_by=None)


def test_undo_takes_back_a_check_in_once(session, people):
    nurlan = people["Нурлан Жээнбеков"]
    _mark(session, nurlan)
    assert attendance_undo(session=session, registration=nurlan) is True
    assert attendance_undo(session=session, registration=nurlan) is False
    assert not Attendance.objects.exists()


def test_a_walk_in_is_registered_and_checked_in(session, people, facilitator):
    outcome = walk_in_register(
        session=session, person=person(70, "Төлөн Жумабеков"), marked_by=facilitator
    )
    registration = outcome.registration
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.channel == Registration.Channel.WALK_IN
    assert registration.entered_by == facilitator
    assert outcome.marked is not None
    assert outcome.marked.attendance.method == Method.WALK_IN
    # They get their personal link (and check-in code) by SMS like anyone registered.
    assert Message.objects.filter(kind="confirmation", recipient="+996700000070").exists()


def test_a_walk_in_to_a_full_group_waits_and_is_not_checked_in(session, people):
    register(session.offering, 5, "Жылдыз Осмонова")  # the last place
    outcome = walk_in_register(session=session, person=person(71), marked_by=None)
    assert outcome.registration.status == Registration.Status.WAITLISTED
    assert outcome.marked is None
    assert outcome.position == 1
    assert not Attendance.objects.filter(registration=outcome.registration).exists()


def test_attendance_entered_afterwards_sets_exactly_who_was_there(session, people):
    aigul, nurlan, gulnara, olga = people.values()
    _mark(session, aigul)
    _mark(session, nurlan)
    result = attendance_record(
        session=session, present_registration_ids=[nurlan.pk, olga.pk], marked_by=None
    )
    assert (result.added, result.removed) == (1, 1)
    marks = {a.registration: a.method for a in Attendance.objects.filter(session=session)}
    assert marks == {nurlan: Method.ROSTER, olga: Method.AFTERWARDS}
    assert gulnara not in marks


def test_entry_afterwards_leaves_the_mark_of_someone_who_cancelled_since(session, people):
    olga = people["Ольга Ким"]
    _mark(session, olga)
    # Cancelled by hand in the database: the service refuses once a person attended.
    Registration.objects.filter(pk=olga.pk).update(status=Registration.Status.CANCELLED)
    attendance_record(session=session, present_registration_ids=[], marked_by=None)
    assert Attendance.objects.filter(registration=olga).exists()


def test_attendance_cannot_be_entered_before_the_session_starts(session, people):
    later = session.offering.sessions.exclude(pk=session.pk).get()
    with pytest.raises(AttendanceError, match="has not started yet"):
        attendance_record(
            session=later, present_registration_ids=[people["Ольга Ким"].pk], marked_by=None
        )


def test_only_confirmed_people_of_the_group_can_be_entered(session, people, other_session):
    stranger = register(other_session.offering, 51)
    with pytest.raises(AttendanceError, match="Only confirmed participants"):
        attendance_record(session=session, present_registration_ids=[stranger.pk], marked_by=None)


def test_the_attendance_share_counts_sessions_held_not_cancelled_nor_future(session, people):
    aigul = people["Айгүл Төлөнова"]
    now = timezone.now()
    earlier = SessionFactory(
        offering=session.offering,
        starts_at=now - datetime.timedelta(days=7),
        ends_at=now - datetime.timedelta(days=7) + datetime.timedelta(hours=1),
    )
    SessionFactory(
        offering=session.offering,
        starts_at=now - datetime.timedelta(days=3),
        ends_at=now - datetime.timedelta(days=3) + datetime.timedelta(hours=1),
        status=Session.Status.CANCELLED,
    )
    assert attendance_share(registration=aigul) == (0, 2)
    _mark(session, aigul)
    _mark(earlier, aigul)
    assert attendance_share(registration=aigul) == (2, 2)
    assert attendance_share(registration=people["Ольга Ким"]) == (0, 2)
