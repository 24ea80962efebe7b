"""Staff pages for offerings and sessions, over HTTP."""

import datetime

import pytest
from django.urls import reverse

from bilim.accounts.models import Role
from bilim.scheduling.models import Offering, Session
from tests.conftest import PASSWORD
from tests.scheduling.conftest import holiday
from tests.scheduling.factories import OfferingFactory, SessionFactory, at, next_weekday

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client, network):
    client.force_login(network.users[Role.CENTER])
    return client


def _series_data(first, **overrides):
    data = {
        "weekdays": ["1", "3"],
        "starts": "18:00",
        "ends": "19:30",
        "first_day": first.isoformat(),
        "weeks": "4",
        "last_day": "",
    }
    data.update(overrides)
    return data


def test_a_center_manager_creates_an_offering_with_a_facilitator(manager, network, facilitator):
    response = manager.post(
        reverse("scheduling:staff-offering-create"),
        {
            "program": network.own_program.pk,
            "format": "offline",
            "center": network.center_a1.pk,
            "language": "ru",
            "capacity": "12",
            "registration_opens": "2026-12-01",
            "registration_closes": "2026-12-10",
            "offer_hold_hours": "6",
            "facilitators": [facilitator.pk],
        },
    )
    offering = Offering.objects.get()
    assert offering.offer_hold_hours == 6
    assert response.status_code == 302
    assert response["Location"] == reverse("scheduling:staff-offering-series", args=[offering.pk])
    assert offering.center == network.center_a1
    assert offering.language == "ru"
    assert list(offering.facilitators.all()) == [facilitator]
    # The whole last day counts.
    assert offering.registration_closes == at(datetime.date(2026, 12, 11), 0)


def test_the_offering_form_keeps_input_and_explains_errors(manager, network):
    response = manager.post(
        reverse("scheduling:staff-offering-create"),
        {
            "program": network.own_program.pk,
            "format": "offline",
            "center": "",
            "language": "ky",
            "capacity": "0",
            "registration_opens": "2026-12-10",
            "registration_closes": "2026-12-01",
            "offer_hold_hours": "100",
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert set(form.errors) == {"center", "capacity", "registration_closes", "offer_hold_hours"}
    assert 'value="2026-12-10"' in response.content.decode()
    assert not Offering.objects.exists()


def test_a_center_manager_cannot_schedule_online_only_or_elsewhere(manager, network):
    response = manager.get(reverse("scheduling:staff-offering-create"))
    form = response.context["form"]
    assert "online" not in dict(form.fields["format"].choices)
    assert list(form.fields["center"].queryset) == [network.center_a1]


def test_the_series_page_lists_the_sessions_and_the_skipped_holiday(manager, network, room):
    offering = OfferingFactory(program=network.own_program, center=network.center_a1)
    tuesday = next_weekday(1)
    holiday(network.center_a1, tuesday + datetime.timedelta(days=9), reason="Нооруз майрамы")

    response = manager.post(
        reverse("scheduling:staff-offering-series", args=[offering.pk]),
        _series_data(tuesday, room=room.pk),
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert "Нооруз майрамы" in page
    assert offering.sessions.count() == 7
    assert (
        Session.objects.filter(starts_at=at(tuesday + datetime.timedelta(days=9), 18)).count() == 0
    )


def test_a_taken_room_is_a_form_error_and_keeps_the_input(manager, network, room):
    tuesday = next_weekday(1)
    SessionFactory(
        offering=OfferingFactory(center=network.center_a1),
        room=room,
        starts_at=at(tuesday, 19),
        ends_at=at(tuesday, 20),
    )
    offering = OfferingFactory(program=network.own_program, center=network.center_a1)
    response = manager.post(
        reverse("scheduling:staff-offering-series", args=[offering.pk]),
        _series_data(tuesday, room=room.pk, weeks="1"),
    )
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert any(room.name in e for e in errors)
    assert 'value="18:00"' in response.content.decode()
    assert not offering.sessions.exists()


def test_series_needs_either_weeks_or_a_last_day(manager, network):
    offering = OfferingFactory(center=network.center_a1)
    url = reverse("scheduling:staff-offering-series", args=[offering.pk])
    first = next_weekday(1)
    neither = manager.post(url, _series_data(first, weeks=""))
    assert "weeks" in neither.context["form"].errors
    both = manager.post(url, _series_data(first, last_day=first.isoformat()))
    assert "last_day" in both.context["form"].errors
    backwards = manager.post(
        url, _series_data(first, weeks="", last_day=(first - datetime.timedelta(1)).isoformat())
    )
    assert "last_day" in backwards.context["form"].errors
    assert not offering.sessions.exists()


def test_a_session_is_moved_and_given_a_stream_link(manager, network, room, other_room):
    offering = OfferingFactory(center=network.center_a1, format=Offering.Format.HYBRID)
    session = SessionFactory(offering=offering, room=room)
    day = next_weekday(4)
    response = manager.post(
        reverse("scheduling:staff-session-edit", args=[session.pk]),
        {
            "day": day.isoformat(),
            "starts": "10:00",
            "ends": "11:00",
            "room": other_room.pk,
            "stream_url": "https://meet.example.kg/bilim-1",
        },
    )
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.starts_at, session.room) == (at(day, 10), other_room)
    assert session.stream_url == "https://meet.example.kg/bilim-1"
    detail = manager.get(reverse("scheduling:staff-offering-detail", args=[offering.pk]))
    assert "https://meet.example.kg/bilim-1" in detail.content.decode()


def test_moving_into_a_taken_room_is_refused(manager, network, room):
    tuesday = next_weekday(1)
    SessionFactory(offering=OfferingFactory(center=network.center_a1), room=room)
    session = SessionFactory(
        offering=OfferingFactory(center=network.center_a1),
        room=room,
        starts_at=at(tuesday, 8),
        ends_at=at(tuesday, 9),
    )
    response = manager.post(
        reverse("scheduling:staff-session-edit", args=[session.pk]),
        {"day": tuesday.isoformat(), "starts": "18:30", "ends": "19:00", "room": room.pk},
    )
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    session.refresh_from_db()
    assert session.starts_at == at(tuesday, 8)


def test_cancelling_needs_a_reason_and_then_cancels(manager, network):
    session = SessionFactory(offering=OfferingFactory(center=network.center_a1))
    url = reverse("scheduling:staff-session-cancel", args=[session.pk])
    assert "reason" in manager.post(url, {"reason": ""}).context["form"].errors
    response = manager.post(url, {"reason": "Жарык өчүп калды"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.status, session.cancel_reason) == ("cancelled", "Жарык өчүп калды")


def test_cancelling_the_whole_offering(manager, network):
    offering = OfferingFactory(center=network.center_a1)
    SessionFactory(offering=offering)
    response = manager.post(
        reverse("scheduling:staff-offering-cancel", args=[offering.pk]), {"reason": "Суу каптады"}
    )
    assert response.status_code == 302
    offering.refresh_from_db()
    assert offering.status == Offering.Status.CANCELLED
    assert offering.sessions.get().status == Session.Status.CANCELLED


@pytest.mark.parametrize(
    "name", ["staff-offering-detail", "staff-offering-series", "staff-offering-cancel"]
)
def test_an_offering_of_another_center_is_not_found(manager, network, name):
    offering = OfferingFactory(center=network.center_a2)
    assert manager.get(reverse(f"scheduling:{name}", args=[offering.pk])).status_code == 404


def test_a_regional_coordinator_manages_the_whole_region_only(client, network):
    client.force_login(network.users[Role.REGION])
    inside = OfferingFactory(center=network.center_a2)
    outside = OfferingFactory(center=network.center_b1)
    url = "scheduling:staff-offering-detail"
    assert client.get(reverse(url, args=[inside.pk])).status_code == 200
    assert client.get(reverse(url, args=[outside.pk])).status_code == 404


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.NATIONAL, 200),
        (Role.REGION, 200),
        (Role.CENTER, 200),
        (Role.FACILITATOR, 403),
        (Role.PARTNER, 403),
        (Role.OPERATOR, 403),
        (Role.ANALYST, 403),
    ],
)
def test_who_may_open_the_schedule(client, network, role, status):
    client.login(username=network.users[role].username, password=PASSWORD)
    assert client.get(reverse("scheduling:staff-offering-list")).status_code == status
    assert client.get(reverse("scheduling:staff-offering-create")).status_code == status


def test_the_offering_list_shows_only_the_scope_in_few_queries(
    manager, network, django_assert_max_num_queries
):
    for _ in range(5):
        SessionFactory(offering=OfferingFactory(center=network.center_a1))
    hidden = OfferingFactory(center=network.center_b1, program__title_ky="Башка программа")
    with django_assert_max_num_queries(8):
        response = manager.get(reverse("scheduling:staff-offering-list"))
    assert len(response.context["offerings"]) == 5
    assert hidden.program.title_ky not in response.content.decode()


def test_the_national_office_schedules_an_online_offering_with_a_link(client, network):
    client.force_login(network.users[Role.NATIONAL])
    response = client.post(
        reverse("scheduling:staff-offering-create"),
        {
            "program": network.own_program.pk,
            "format": "online",
            "center": network.center_a1.pk,  # ignored: online has no center
            "language": "ky",
            "capacity": "100",
        },
    )
    assert response.status_code == 302
    offering = Offering.objects.get()
    assert offering.center is None
    series = client.get(reverse("scheduling:staff-offering-series", args=[offering.pk]))
    assert "room" not in series.context["form"].fields
    response = client.post(
        reverse("scheduling:staff-offering-series", args=[offering.pk]),
        _series_data(next_weekday(0), weekdays=["0"], weeks="2", stream_url="meet.example.kg/x"),
    )
    assert response.status_code == 200
    assert [s.stream_url for s in offering.sessions.all()] == ["https://meet.example.kg/x"] * 2
