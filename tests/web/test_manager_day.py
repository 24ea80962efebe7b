"""The center manager's day on the staff home: the selectors with known data, then the page."""

import datetime
import html
import re
from functools import partial

import pytest
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.accounts.selectors import scope_for
from bilim.accounts.services import role_assign
from bilim.attendance.models import Attendance
from bilim.notifications.models import Message
from bilim.scheduling.models import Offering, Session, SpaceBooking
from bilim.web.day import center_day
from tests.attendance.conftest import register
from tests.factories import ProgramFactory, RoomFactory, UserFactory
from tests.scheduling.factories import OfferingFactory, SessionFactory, SpaceBookingFactory, at

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
NOON = at(TODAY, 12)


def _program(title: str):
    return ProgramFactory(title_en=title, title_ru=f"{title} (ru)", title_ky=f"{title} (ky)")


def _group(
    center,
    title: str,
    *,
    capacity: int = 20,
    starts: datetime.datetime | None = None,
    room: str | None = None,
    earlier: datetime.datetime | None = None,
):
    """A group at a center with a session today (10:00 unless said) and one next week.

    `earlier` adds a session before today's, created first.
    """
    offering = OfferingFactory(program=_program(title), center=center, capacity=capacity)
    if earlier:
        SessionFactory(
            offering=offering, starts_at=earlier, ends_at=earlier + datetime.timedelta(hours=2)
        )
    facilitator = UserFactory(first_name="Асель", last_name="Бекова")
    role_assign(user=facilitator, role=Role.FACILITATOR)
    offering.facilitators.add(facilitator)
    starts = starts or at(TODAY, 10)
    today = SessionFactory(
        offering=offering,
        room=RoomFactory(center=center, **({"name_en": room} if room else {})),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=90),
    )
    # A later session keeps registration open, whatever the hour the tests run.
    week = TODAY + datetime.timedelta(days=7)
    SessionFactory(offering=offering, starts_at=at(week, 10), ends_at=at(week, 12))
    return today


def _check_in(session, registration):
    return Attendance.objects.create(session=session, registration=registration, method="code")


def _message(center, status=Message.Status.FAILED, attempts=6):
    return Message.objects.create(
        channel=Message.Channel.SMS,
        recipient="+996555000001",
        body="x",
        kind="reminder-24h",
        center=center,
        status=status,
        attempts=attempts,
        next_attempt_at=timezone.now(),
    )


def _text(response) -> str:
    """The page as a person reads it: tags removed, spaces collapsed."""
    page = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(page))


@pytest.fixture
def at_noon(monkeypatch):
    """The page is looked at today at noon: the 10:00 session has begun, the 15:00 one not."""
    monkeypatch.setattr("bilim.web.views.center_day", partial(center_day, now=NOON))


@pytest.fixture
def full_group(network):
    """Three places, five people: three registered, two waiting; two checked in today.

    Yesterday, the first session of the group, all three came: those do not count today.
    """
    yesterday = at(TODAY - datetime.timedelta(days=1), 10)
    session = _group(
        network.center_a1, "Digital literacy", capacity=3, room="Big hall", earlier=yesterday
    )
    people = [register(session.offering, n) for n in range(1, 6)]
    first = session.offering.sessions.get(starts_at=yesterday)
    for registration in people[:3]:
        _check_in(first, registration)
    _check_in(session, people[0])
    _check_in(session, people[1])
    return session


def _day(network, role=Role.CENTER, center=None, now=NOON):
    user = network.users[role]
    return center_day(user=user, scope=scope_for(user), center=center or network.center_a1, now=now)


# Selectors ------------------------------------------------------------------------------


def test_a_session_counts_its_places_waitlist_and_only_its_own_check_ins(network, full_group):
    [session] = _day(network).sessions
    assert session.pk == full_group.pk
    assert (session.registered, session.waiting, session.checked_in) == (3, 2, 2)
    assert session.offering.capacity == 3
    assert (session.position, session.series_length) == (2, 3)  # yesterday was the first
    assert [f.get_full_name() for f in session.offering.facilitators.all()] == ["Асель Бекова"]


def test_a_cancelled_registration_frees_the_count(network, full_group):
    registration = full_group.offering.registrations.filter(status="confirmed").last()
    registration.status = "cancelled"
    registration.save()
    [session] = _day(network).sessions
    assert session.registered == 2


def test_only_todays_sessions_at_that_center_are_listed(network, full_group):
    _group(network.center_a1, "Yesterday", starts=at(TODAY - datetime.timedelta(days=1), 10))
    _group(network.center_a1, "Tomorrow", starts=at(TODAY + datetime.timedelta(days=1), 10))
    _group(network.center_a2, "Other center")
    proposed = _group(network.center_a1, "Proposed by a partner")
    Offering.objects.filter(pk=proposed.offering_id).update(status=Offering.Status.PROPOSED)
    day = _day(network)
    assert [s.offering.program.title_en for s in day.sessions] == ["Digital literacy"]
    assert day.date == TODAY


def test_sessions_are_in_time_order_and_started_ones_are_marked(network, full_group):
    later = _group(network.center_a1, "Afternoon", starts=at(TODAY, 15))
    early = _group(network.center_a1, "Early", starts=at(TODAY, 8))
    day = _day(network)
    assert [s.pk for s in day.sessions] == [early.pk, full_group.pk, later.pk]
    assert [s.started for s in day.sessions] == [True, True, False]
    assert day.checked_in == 2


def test_a_cancelled_session_is_listed_as_cancelled_and_not_counted_as_held(network, full_group):
    cancelled = _group(network.center_a1, "Cancelled", starts=at(TODAY, 15))
    Session.objects.filter(pk=cancelled.pk).update(
        status=Session.Status.CANCELLED, cancel_reason="Свет өчтү"
    )
    day = _day(network)
    assert [s.cancelled for s in day.sessions] == [False, True]
    assert day.held == 1


def test_waiting_room_requests_are_counted_and_the_next_ones_listed(network):
    soon = SpaceBookingFactory(center=network.center_a1, title="Soon")
    SpaceBookingFactory(
        center=network.center_a1,
        title="Passed",
        starts_at=NOON - datetime.timedelta(days=2),
        ends_at=NOON - datetime.timedelta(days=2, hours=-2),
    )
    SpaceBookingFactory(center=network.center_a1, status=SpaceBooking.Status.DECLINED)
    SpaceBookingFactory(center=network.center_a2, title="Other center")
    day = _day(network)
    assert day.waiting_bookings == 2  # the one whose time passed still waits for a decision
    assert [b.title for b in day.next_bookings] == [soon.title]


def test_messages_that_failed_are_counted_for_that_center_only(network):
    _message(network.center_a1)
    _message(network.center_a1)
    _message(network.center_a1, status=Message.Status.PENDING, attempts=2)
    _message(network.center_a1, status=Message.Status.PENDING, attempts=0)
    _message(network.center_a1, status=Message.Status.SENT, attempts=1)
    _message(network.center_a2)
    _message(None)
    trouble = _day(network).messages
    assert (trouble.failed, trouble.retrying) == (2, 1)


# The page -------------------------------------------------------------------------------


def test_the_center_manager_sees_the_days_sessions_requests_and_messages(
    client, network, full_group, at_noon
):
    SpaceBookingFactory(center=network.center_a1, title="Жаштар клубу", requester_name="Айпери")
    _message(network.center_a1)
    client.force_login(network.users[Role.CENTER])
    response = client.get("/en/staff/")
    page = _text(response)
    assert "Today at Center A1" in page
    assert "Digital literacy" in page and "Big hall" in page and "Асель Бекова" in page
    assert "3 of 3 places" in page
    assert "2 on the waitlist" in page
    assert "checked in 2 of 3" in page
    assert f'href="/en/staff/sessions/{full_group.pk}/roster/"' in response.content.decode()
    assert "1 request waits for your decision" in page
    assert "Жаштар клубу" in page and "asked by Айпери" in page
    assert "1 message to this center's participants could not be sent" in page
    assert 'name="center"' not in response.content.decode()  # one center: nothing to pick
    # The day comes first; the figures and lists of the home page follow.
    assert page.index("Today at Center A1") < page.index("Messages to participants")


def test_the_page_speaks_the_chosen_language(client, network, full_group, at_noon):
    client.force_login(network.users[Role.CENTER])
    assert "Digital literacy (ru)" in _text(client.get("/ru/staff/"))
    assert "Digital literacy (ky)" in _text(client.get("/ky/staff/"))


def test_an_empty_day_says_so(client, network):
    client.force_login(network.users[Role.CENTER])
    page = _text(client.get("/en/staff/"))
    assert "No sessions at this center today." in page
    assert "No room requests wait for a decision." in page
    assert "Every message was delivered." in page


def test_a_session_not_started_yet_shows_no_check_in_count(client, network, at_noon):
    later = _group(network.center_a1, "Afternoon", starts=at(TODAY, 15))
    register(later.offering, 1)
    client.force_login(network.users[Role.CENTER])
    page = _text(client.get("/en/staff/"))
    assert "Afternoon" in page and "not started yet" in page
    assert "checked in 0" not in page


def test_a_cancelled_session_is_shown_as_cancelled(client, network, full_group, at_noon):
    Session.objects.filter(pk=full_group.pk).update(
        status=Session.Status.CANCELLED, cancel_reason="Свет өчтү"
    )
    client.force_login(network.users[Role.CENTER])
    page = _text(client.get("/en/staff/"))
    assert "cancelled" in page and "Свет өчтү" in page and "no check-in" in page
    assert "checked in 2" not in page


def test_a_regional_coordinator_picks_among_the_centers_of_the_region(client, network):
    _group(network.center_a2, "At A2")
    client.force_login(network.users[Role.REGION])
    first = client.get("/en/staff/")
    options = re.findall(r'<option value="([^"]+)"', first.content.decode())
    assert options == [network.center_a1.code, network.center_a2.code]
    assert "Today at Center A1" in _text(first)

    chosen = _text(client.get("/en/staff/", {"center": network.center_a2.code}))
    assert "Today at Center A2" in chosen and "At A2" in chosen
    # Remembered for the next visit of the home page.
    assert "Today at Center A2" in _text(client.get("/en/staff/"))


@pytest.mark.parametrize("wanted", ["b1", "nowhere", ""])
def test_a_center_outside_the_region_is_ignored(client, network, wanted):
    at_b1 = _group(network.center_b1, "At B1")
    code = network.center_b1.code if wanted == "b1" else wanted
    client.force_login(network.users[Role.REGION])
    response = client.get("/en/staff/", {"center": code})
    assert response.status_code == 200
    page = _text(response)
    assert "Today at Center A1" in page
    assert "Center B1" not in page
    assert f"/sessions/{at_b1.pk}/roster/" not in response.content.decode()


def test_the_national_office_may_pick_any_center(client, network):
    client.force_login(network.users[Role.NATIONAL])
    response = client.get("/en/staff/", {"center": network.center_b2.code})
    assert len(re.findall(r"<option ", response.content.decode())) == 4
    assert "Today at Center B2" in _text(response)


@pytest.mark.parametrize("role", [Role.FACILITATOR, Role.PARTNER, Role.OPERATOR, Role.ANALYST])
def test_other_roles_keep_their_home_without_a_center_day(
    client, network, full_group, at_noon, role
):
    client.force_login(network.users[role])
    response = client.get("/en/staff/", {"center": network.center_a1.code})
    assert response.status_code == 200
    assert "Today at" not in _text(response)
    assert "staff_day.css" not in response.content.decode()
    assert f"/sessions/{full_group.pk}/roster/" not in response.content.decode()


def test_the_day_is_read_in_a_fixed_number_of_queries(
    client, network, full_group, django_assert_max_num_queries
):
    client.force_login(network.users[Role.REGION])
    client.get("/en/staff/")  # the session row exists: later requests only read it
    with django_assert_max_num_queries(25) as few:
        client.get("/en/staff/")
    for n in range(12):
        session = _group(network.center_a1, f"Group {n}", starts=at(TODAY, 8 + n % 10))
        people = [register(session.offering, 100 * n + k) for k in range(6)]
        for registration in people[:3]:
            _check_in(session, registration)
        SpaceBookingFactory(center=network.center_a1)
        _message(network.center_a1)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get("/en/staff/")
    assert response.content.decode().count('class="day-checkin"') == 13
