"""Week calendars of a center, a region and a facilitator."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.scheduling.models import Offering, SpaceBooking
from bilim.scheduling.selectors import week_start
from tests.factories import RoomFactory
from tests.scheduling.conftest import holiday
from tests.scheduling.factories import (
    OfferingFactory,
    SessionFactory,
    SpaceBookingFactory,
    at,
    next_weekday,
)

pytestmark = pytest.mark.django_db


def _week_url(name, arg, day):
    return reverse(f"scheduling:{name}", args=[arg]) + f"?week={day.isoformat()}"


def test_the_center_week_puts_sessions_and_bookings_in_their_rooms(
    client, network, room, other_room, django_assert_max_num_queries
):
    client.force_login(network.users[Role.CENTER])
    tuesday = next_weekday(1)
    offering = OfferingFactory(center=network.center_a1, program__title_ky="Шайлоо укугу")
    SessionFactory(offering=offering, room=room, starts_at=at(tuesday, 18))
    SpaceBookingFactory(
        center=network.center_a1,
        room=other_room,
        status=SpaceBooking.Status.APPROVED,
        title="Дебат клубу",
        starts_at=at(tuesday, 15),
        ends_at=at(tuesday, 17),
    )
    SpaceBookingFactory(center=network.center_a1, title="Күтүүдөгү өтүнмө")  # pending
    for _ in range(3):
        SessionFactory(offering=OfferingFactory(center=network.center_a1), room=room)

    with django_assert_max_num_queries(12):
        response = client.get(_week_url("staff-center-calendar", network.center_a1.code, tuesday))

    week = response.context["week"]
    assert week.monday == week_start(tuesday)
    assert [r.name for r in week.rooms] == sorted([room.name, other_room.name])
    day = next(d for d in week.days if d.date == tuesday)
    by_room = {
        r.name: [e.title for e in cell] for r, cell in zip(week.rooms, day.cells, strict=True)
    }
    assert "Шайлоо укугу" in by_room[room.name]
    assert by_room[other_room.name] == ["Дебат клубу"]
    page = response.content.decode()
    assert "Күтүүдөгү өтүнмө" not in page
    assert f"?week={(week.monday - datetime.timedelta(7)).isoformat()}" in page
    assert f"?week={(week.monday + datetime.timedelta(7)).isoformat()}" in page


def test_a_closed_day_and_a_cancelled_session_say_so(client, network, room):
    client.force_login(network.users[Role.CENTER])
    tuesday = next_weekday(1)
    holiday(network.center_a1, tuesday + datetime.timedelta(1), reason="Эгемендүүлүк күнү")
    SessionFactory(
        offering=OfferingFactory(center=network.center_a1),
        room=room,
        status="cancelled",
        cancel_reason="Алып баруучу ооруп калды",
    )
    page = client.get(_week_url("staff-center-calendar", network.center_a1.code, tuesday))
    text = page.content.decode()
    assert "Эгемендүүлүк күнү" in text
    assert "Алып баруучу ооруп калды" in text


def test_a_proposal_is_not_on_the_calendar(client, network, room):
    client.force_login(network.users[Role.CENTER])
    offering = OfferingFactory(
        center=network.center_a1, status=Offering.Status.PROPOSED, program__title_ky="Сунуш"
    )
    session = SessionFactory(offering=offering, room=room)
    page = client.get(
        _week_url("staff-center-calendar", network.center_a1.code, session.starts_at.date())
    )
    assert "Сунуш" not in page.content.decode()


@pytest.mark.parametrize("week", ["", "2026-13-45", "yesterday"])
def test_a_bad_week_shows_this_week(client, network, week):
    client.force_login(network.users[Role.CENTER])
    response = client.get(
        reverse("scheduling:staff-center-calendar", args=[network.center_a1.code]),
        {"week": week},
    )
    assert response.status_code == 200
    assert response.context["week"].monday <= timezone.localdate()


def test_the_center_calendar_follows_the_scope(client, network):
    client.force_login(network.users[Role.CENTER])
    url = "scheduling:staff-center-calendar"
    assert client.get(reverse(url, args=[network.center_a2.code])).status_code == 404
    client.force_login(network.users[Role.OPERATOR])
    assert client.get(reverse(url, args=[network.center_b2.code])).status_code == 200
    client.force_login(network.users[Role.FACILITATOR])
    assert client.get(reverse(url, args=[network.center_a1.code])).status_code == 403


def test_the_region_week_lists_every_center_of_the_region(client, network):
    client.force_login(network.users[Role.REGION])
    tuesday = next_weekday(1)
    SessionFactory(
        offering=OfferingFactory(center=network.center_a1, program__title_ky="Биринчи"),
        starts_at=at(tuesday, 10),
    )
    SessionFactory(
        offering=OfferingFactory(center=network.center_a2, program__title_ky="Экинчи"),
        starts_at=at(tuesday, 12),
    )
    SessionFactory(
        offering=OfferingFactory(center=network.center_b1, program__title_ky="Башка аймак"),
        starts_at=at(tuesday, 12),
    )
    response = client.get(_week_url("staff-region-calendar", network.region_a.pk, tuesday))
    page = response.content.decode()
    assert "Биринчи" in page
    assert "Экинчи" in page
    assert network.center_a2.name in page
    assert "Башка аймак" not in page
    other = reverse("scheduling:staff-region-calendar", args=[network.region_b.pk])
    assert client.get(other).status_code == 404


def test_a_facilitator_sees_their_own_sessions_and_feed_address(client, network, facilitator):
    client.force_login(facilitator)
    tuesday = next_weekday(1)
    mine = OfferingFactory(center=network.center_a1, program__title_ky="Менин курсум")
    mine.facilitators.add(facilitator)
    SessionFactory(offering=mine, starts_at=at(tuesday, 18))
    SessionFactory(
        offering=OfferingFactory(center=network.center_a1, program__title_ky="Башканын курсу"),
        starts_at=at(tuesday, 18),
    )
    response = client.get(reverse("scheduling:staff-my-calendar") + f"?week={tuesday}")
    page = response.content.decode()
    assert "Менин курсум" in page
    assert "Башканын курсу" not in page
    token = facilitator.calendar_feed_token.token
    assert f"/calendar/mine/{token}.ics" in page

    client.post(reverse("scheduling:staff-my-feed-regenerate"))
    facilitator.calendar_feed_token.refresh_from_db()
    assert facilitator.calendar_feed_token.token != token
    old = client.get(reverse("scheduling:feed-facilitator", args=[token]))
    assert old.status_code == 404


def test_a_manager_opens_a_facilitator_calendar_in_scope_only(client, network, facilitator):
    url = reverse("scheduling:staff-facilitator-calendar", args=[facilitator.pk])
    client.force_login(network.users[Role.CENTER])
    assert client.get(url).status_code == 200
    client.force_login(network.users[Role.REGION])
    assert client.get(url).status_code == 200
    from bilim.accounts.services import role_assign
    from tests.factories import UserFactory

    outsider = UserFactory()
    role_assign(user=outsider, role=Role.CENTER, center_id=network.center_b1.pk)
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    client.force_login(facilitator)
    assert client.get(url).status_code == 403


def test_the_region_week_reads_in_few_queries(client, network, django_assert_max_num_queries):
    client.force_login(network.users[Role.REGION])
    tuesday = next_weekday(1)
    for hour, center in enumerate((network.center_a1, network.center_a2) * 3, start=8):
        SessionFactory(offering=OfferingFactory(center=center), starts_at=at(tuesday, hour))
        SpaceBookingFactory(
            center=center,
            room=RoomFactory(center=center),
            status=SpaceBooking.Status.APPROVED,
            starts_at=at(tuesday, 15),
        )
    with django_assert_max_num_queries(10):
        response = client.get(_week_url("staff-region-calendar", network.region_a.pk, tuesday))
    day = next(d for d in response.context["week"].days if d.date == tuesday)
    assert len(day.entries) == 12
