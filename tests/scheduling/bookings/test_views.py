"""The public request form and the center's decision pages, over HTTP."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.centers.models import Center
from bilim.scheduling.models import SpaceBooking
from tests.factories import CenterFactory, RoomFactory
from tests.scheduling.factories import SessionFactory, SpaceBookingFactory

Status = SpaceBooking.Status


@pytest.fixture
def form_data(wednesday):
    return {
        "purpose": "women_leadership",
        "title": "Аялдар лидерлиги боюнча жолугушуу",
        "description": "",
        "people": "20",
        "needs": "Проектор",
        "date": wednesday.isoformat(),
        "starts": "14:00",
        "ends": "16:30",
        "requester_name": "Гүлнара Токтосунова",
        "organisation": "Аялдар кеңеши",
        "phone": "0555 123 456",
        "email": "",
        "reference": "",
    }


def _url(network, lang="ky"):
    return f"/{lang}/centers/{network.center_a1.code}/book/"


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_form_has_labels_a_fieldset_and_a_hidden_honeypot(client, network, hall, lang):
    html = client.get(_url(network, lang)).content.decode()
    assert '<label for="id_title">' in html and '<label for="id_phone">' in html
    assert html.count("<legend>") == 1  # the kind of event
    assert 'class="hp-field" aria-hidden="true"' in html and 'name="reference"' in html


def test_form_of_a_center_that_is_not_open_is_not_found(client, network):
    planned = CenterFactory(status=Center.Status.PLANNED)
    assert client.get(f"/ky/centers/{planned.code}/book/").status_code == 404
    assert client.get("/ky/centers/nobody/book/").status_code == 404


def test_request_is_stored_in_the_page_language_with_a_normalised_phone(
    client, network, hall, form_data, wednesday
):
    response = client.post(_url(network, "ru"), form_data)
    assert response.status_code == 302
    assert response["Location"] == f"/ru/centers/{network.center_a1.code}/book/thanks/"
    booking = SpaceBooking.objects.get()
    assert (booking.language, booking.phone, booking.status) == (
        "ru",
        "+996 555 123 456",
        "pending",
    )
    assert booking.expected_attendance == 20 and booking.center == network.center_a1
    start = timezone.localtime(booking.starts_at)
    assert (start.date(), start.hour, start.minute) == (wednesday, 14, 0)
    thanks = client.get(response["Location"]).content.decode()
    assert "Спасибо" in thanks


def test_errors_are_shown_beside_the_fields_and_the_input_is_kept(client, network, hall, form_data):
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    data = {**form_data, "phone": "+7 999", "date": yesterday, "people": "45", "ends": "13:00"}
    response = client.post(_url(network, "ky"), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"phone", "date", "people", "ends"}
    assert "error-summary" in html and 'href="#id_phone"' in html
    assert "Телефон номерин 0555 123 456" in html  # in Kyrgyz
    assert "Аялдар лидерлиги боюнча жолугушуу" in html and 'value="+7 999"' in html
    assert not SpaceBooking.objects.exists()


def test_a_foreign_phone_number_is_refused(client, network, hall, form_data):
    response = client.post(_url(network, "en"), {**form_data, "phone": "+7 701 123 4567"})
    assert "phone" in response.context["form"].errors


def test_honeypot_pretends_success_and_stores_nothing(client, network, hall, form_data):
    response = client.post(_url(network, "en"), {**form_data, "reference": "http://spam"})
    assert response.status_code == 302
    assert not SpaceBooking.objects.exists()


def test_sixth_request_in_an_hour_is_refused_with_the_answers_kept(
    client, network, hall, form_data
):
    for _ in range(5):
        assert client.post(_url(network, "en"), form_data).status_code == 302
    response = client.post(_url(network, "en"), form_data)
    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
    assert form_data["title"] in response.content.decode()
    assert SpaceBooking.objects.count() == 5


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize(
    "data",
    [{}, {"title": "Жыйын"}, {"requester_name": "Гүлнара", "people": "abc"}],
    ids=["empty", "title", "partial"],
)
def test_an_empty_or_partial_request_after_the_limit_answers_with_the_form(
    client, network, hall, form_data, lang, data
):
    for _ in range(5):
        assert client.post(_url(network, lang), form_data).status_code == 302
    response = client.post(_url(network, lang), data)
    html = response.content.decode()
    assert response.status_code == 429
    assert "error-summary" in html and 'name="title"' in html
    for value in data.values():
        assert value in html
    assert SpaceBooking.objects.count() == 5


# Staff -------------------------------------------------------------------------------------


def test_manager_sees_the_pending_requests_of_their_center_only(
    client, network, pending, django_assert_max_num_queries
):
    for i in range(3):
        SpaceBookingFactory(center=network.center_a1, title=f"Тегерек стол {i}")
    SpaceBookingFactory(center=network.center_a2, title="Башка борбор")
    SpaceBookingFactory(center=network.center_a1, title="Чечилген", status=Status.DECLINED)
    client.force_login(network.users[Role.CENTER])
    with django_assert_max_num_queries(5):
        response = client.get("/en/staff/bookings/")
    html = response.content.decode()
    assert [b.center for b in response.context["bookings"]] == [network.center_a1] * 4
    assert "Башка борбор" not in html and "Чечилген" not in html
    assert "Waiting for a decision (4)" in html


def test_manager_approves_with_a_room_and_the_calendar_shows_it(client, network, pending, hall):
    client.force_login(network.users[Role.CENTER])
    page = client.get(f"/en/staff/bookings/{pending.pk}/").content.decode()
    assert "Hall: 30 seats" in page and "Small room: 8 seats — too small" in page
    response = client.post(
        f"/en/staff/bookings/{pending.pk}/approve/", {"room": hall.pk, "publish": "on"}
    )
    assert response.status_code == 302
    pending.refresh_from_db()
    assert (pending.status, pending.room, pending.publish) == (Status.APPROVED, hall, True)
    calendar = client.get(
        reverse("scheduling:staff-center-calendar", args=[network.center_a1.code]),
        {"week": pending.starts_at.date().isoformat()},
    )
    assert pending.title in calendar.content.decode()


def test_approval_into_a_taken_room_shows_why_and_changes_nothing(client, network, pending, hall):
    SessionFactory(
        offering__center=network.center_a1,
        room=hall,
        starts_at=pending.starts_at,
        ends_at=pending.ends_at,
    )
    client.force_login(network.users[Role.CENTER])
    response = client.post(f"/ru/staff/bookings/{pending.pk}/approve/", {"room": hall.pk})
    assert response.status_code == 200
    assert "уже занят" in response.content.decode()
    pending.refresh_from_db()
    assert pending.status == Status.PENDING


def test_decline_without_a_reason_is_refused_in_the_users_language(client, network, pending):
    client.force_login(network.users[Role.CENTER])
    response = client.post(f"/ky/staff/bookings/{pending.pk}/decline/", {"reason": ""})
    assert response.status_code == 200
    assert "себебин жазыңыз" in response.content.decode()
    response = client.post(f"/ky/staff/bookings/{pending.pk}/decline/", {"reason": "Ремонт"})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert (pending.status, pending.decision_reason) == (Status.DECLINED, "Ремонт")


def test_manager_checks_the_group_in(client, network, hall):
    booking = SpaceBookingFactory(
        center=network.center_a1,
        room=hall,
        status=Status.APPROVED,
        starts_at=timezone.now() - datetime.timedelta(minutes=5),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    client.force_login(network.users[Role.CENTER])
    assert (
        "The group has arrived" in client.get(f"/en/staff/bookings/{booking.pk}/").content.decode()
    )
    response = client.post(f"/en/staff/bookings/{booking.pk}/check-in/")
    assert response.status_code == 302
    booking.refresh_from_db()
    assert booking.checked_in_at is not None


def test_check_in_is_offered_only_from_one_hour_before_the_start(client, network, pending, hall):
    SpaceBooking.objects.filter(pk=pending.pk).update(status=Status.APPROVED, room=hall)
    client.force_login(network.users[Role.CENTER])
    html = client.get(f"/en/staff/bookings/{pending.pk}/").content.decode()
    assert "The group has arrived" not in html
    assert "from one hour before its start" in html


def test_late_check_in_explains_that_the_room_was_released(client, network, hall):
    booking = SpaceBookingFactory(
        center=network.center_a1,
        room=hall,
        status=Status.APPROVED,
        starts_at=timezone.now() - datetime.timedelta(minutes=45),
        ends_at=timezone.now() + datetime.timedelta(hours=1),
    )
    client.force_login(network.users[Role.CENTER])
    response = client.post(f"/en/staff/bookings/{booking.pk}/check-in/")
    assert response.status_code == 200
    assert "the room was released" in response.content.decode()


def test_open_events_tag_lists_published_events_and_links_to_the_form(network, pending, hall):
    from django.template import Context, Template

    from bilim.scheduling.services.bookings import booking_approve

    RoomFactory(center=network.center_a2)
    booking_approve(booking=pending, room=hall, decided_by=network.users[Role.CENTER], publish=True)
    template = Template("{% load bookings %}{% community_space center %}")
    html = template.render(Context({"center": network.center_a1}))
    assert pending.title in html and "Жаштар демилгеси" in html
    assert f"/centers/{network.center_a1.code}/book/" in html
    other = template.render(Context({"center": network.center_a2}))
    assert pending.title not in other


def test_a_center_without_rooms_says_so_instead_of_showing_the_form(client, network):
    response = client.get(f"/en/centers/{network.center_a2.code}/book/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "This center has no rooms to lend yet." in html
    assert 'name="title"' not in html
    assert client.post(f"/en/centers/{network.center_a2.code}/book/", {}).status_code == 200
    assert not SpaceBooking.objects.exists()
