"""Centers' staff pages: the role × page matrix and the forms at the HTTP level."""

import pytest
from django.urls import reverse

from bilim.accounts.models import Role
from bilim.centers.models import Center, OpeningHours, Room
from tests.factories import RoomFactory

ALL = set(Role)
MANAGERS = {Role.NATIONAL, Role.REGION, Role.CENTER}
ADMINS = {Role.NATIONAL, Role.REGION}

# (url name, needs the in-scope center's code, roles allowed) — GET pages
PAGES = [
    ("centers:staff-center-list", False, {*ADMINS, Role.CENTER, Role.OPERATOR}),
    ("centers:staff-center-create", False, ADMINS),
    ("centers:staff-center-import", False, {Role.NATIONAL}),
    ("centers:staff-center-detail", True, {*ADMINS, Role.CENTER, Role.OPERATOR}),
    ("centers:staff-center-edit", True, MANAGERS),
    ("centers:staff-center-hours", True, MANAGERS),
    ("centers:staff-room-create", True, MANAGERS),
]


def _url(name, with_code, network):
    return reverse(name, args=[network.center_a1.code] if with_code else [])


@pytest.mark.parametrize(("name", "with_code", "allowed"), PAGES)
@pytest.mark.parametrize("role", list(Role))
def test_role_matrix_for_center_pages(client, network, role, name, with_code, allowed):
    client.force_login(network.users[role])
    status = client.get(_url(name, with_code, network)).status_code
    assert status == (200 if role in allowed else 403)


@pytest.mark.parametrize(("name", "with_code", "allowed"), PAGES)
def test_center_pages_send_anonymous_visitors_to_sign_in(client, network, name, with_code, allowed):
    response = client.get(_url(name, with_code, network))
    assert response.status_code == 302
    assert "/staff/sign-in/" in response["Location"]


@pytest.mark.parametrize(
    ("role", "center", "status"),
    [
        (Role.REGION, "center_b1", 404),
        (Role.CENTER, "center_a2", 404),
        (Role.NATIONAL, "center_b1", 200),
    ],
)
def test_editing_a_center_outside_scope_is_not_found(client, network, role, center, status):
    client.force_login(network.users[role])
    code = getattr(network, center).code
    assert client.get(reverse("centers:staff-center-edit", args=[code])).status_code == status


def _center_post(network, **changes):
    data = {
        "code": "n001",
        "name_ky": "Жаңы борбор",
        "name_ru": "Новый центр",
        "name_en": "New center",
        "address_ky": "Манас көчөсү, 5",
        "address_ru": "ул. Манаса, 5",
        "address_en": "",
        "how_to_get_there_ky": "",
        "how_to_get_there_ru": "",
        "how_to_get_there_en": "",
        "district": network.center_a1.district_id,
        "latitude": "42.1",
        "longitude": "75.1",
        "phone": "",
        "email": "",
        "ramp": "on",
        "connectivity": "fixed",
        "connection_speed_mbps": "20",
    }
    data.update(changes)
    return data


def test_regional_coordinator_adds_a_planned_center_in_their_region(client, network):
    client.force_login(network.users[Role.REGION])
    response = client.post(reverse("centers:staff-center-create"), _center_post(network))
    assert response.status_code == 302
    center = Center.objects.get(code="n001")
    assert center.status == Center.Status.PLANNED
    assert center.ramp and not center.hearing_loop
    assert center.name_ru == "Новый центр"


def test_regional_coordinator_cannot_place_a_center_in_another_region(client, network):
    client.force_login(network.users[Role.REGION])
    other = network.center_b1.district_id
    response = client.post(
        reverse("centers:staff-center-create"), _center_post(network, district=other)
    )
    assert response.status_code == 200
    assert not Center.objects.filter(code="n001").exists()
    assert "district" in response.context["form"].errors


def test_invalid_center_form_keeps_what_was_typed_in_the_users_language(client, network):
    client.force_login(network.users[Role.NATIONAL])
    response = client.post(
        "/ru/staff/centers/new/", _center_post(network, name_ru="", latitude="55.75")
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Жаңы борбор" in html  # the Kyrgyz name typed is still there
    assert "error-summary" in html
    assert set(response.context["form"].errors) == {"name_ru", "latitude"}
    assert not Center.objects.filter(code="n001").exists()


def test_center_manager_edits_own_center(client, network):
    client.force_login(network.users[Role.CENTER])
    center = network.center_a1
    data = _center_post(network, code=center.code, name_en="Renamed")
    response = client.post(reverse("centers:staff-center-edit", args=[center.code]), data)
    assert response.status_code == 302
    center.refresh_from_db()
    assert center.name_en == "Renamed"
    assert center.code != "n001"  # the code cannot be changed by editing


def test_status_buttons_open_and_suspend(client, network):
    client.force_login(network.users[Role.NATIONAL])
    center = network.center_a1
    url = reverse("centers:staff-center-status", args=[center.code])
    client.post(url, {"status": "suspended"})
    center.refresh_from_db()
    assert center.status == "suspended"
    response = client.post(url, {"status": "planned"}, follow=True)
    center.refresh_from_db()
    assert center.status == "suspended"
    assert response.status_code == 200
    assert list(response.context["messages"])  # the refusal is explained


def test_center_manager_cannot_change_status(client, network):
    client.force_login(network.users[Role.CENTER])
    url = reverse("centers:staff-center-status", args=[network.center_a1.code])
    assert client.post(url, {"status": "suspended"}).status_code == 403


def test_rooms_are_added_edited_and_removed(client, network):
    client.force_login(network.users[Role.CENTER])
    code = network.center_a1.code
    data = {"name_ky": "Чоң зал", "name_ru": "Большой зал", "name_en": "", "capacity": "40"}
    client.post(reverse("centers:staff-room-create", args=[code]), data)
    room = Room.objects.get(center=network.center_a1, name_ky="Чоң зал")
    client.post(
        reverse("centers:staff-room-edit", args=[code, room.pk]), {**data, "capacity": "35"}
    )
    room.refresh_from_db()
    assert room.capacity == 35
    client.post(reverse("centers:staff-room-remove", args=[code, room.pk]))
    assert not Room.objects.filter(pk=room.pk).exists()


def test_a_room_of_another_center_cannot_be_touched(client, network):
    client.force_login(network.users[Role.CENTER])
    foreign = RoomFactory(center=network.center_a2)
    url = reverse("centers:staff-room-remove", args=[network.center_a1.code, foreign.pk])
    assert client.post(url).status_code == 404
    assert Room.objects.filter(pk=foreign.pk).exists()


def test_week_form_saves_two_periods_and_refuses_overlap(client, network):
    client.force_login(network.users[Role.CENTER])
    url = reverse("centers:staff-center-hours", args=[network.center_a1.code])
    good = {
        "d0_opens1": "09:00",
        "d0_closes1": "12:30",
        "d0_opens2": "13:30",
        "d0_closes2": "18:00",
    }
    assert client.post(url, good).status_code == 302
    assert OpeningHours.objects.filter(center=network.center_a1).count() == 2
    bad = {"d0_opens1": "09:00", "d0_closes1": "14:00", "d0_opens2": "13:00", "d0_closes2": "18:00"}
    response = client.post(url, bad)
    assert response.status_code == 200
    assert "d0_opens2" in response.context["form"].errors
    assert OpeningHours.objects.filter(center=network.center_a1).count() == 2


def test_staff_member_is_assigned_by_user_name(client, network):
    client.force_login(network.users[Role.REGION])
    url = reverse("centers:staff-staff-assign", args=[network.center_a1.code])
    response = client.post(url, {"username": "fac", "role": "facilitator"})
    assert response.status_code == 302
    assert (
        network.users[Role.FACILITATOR].role_assignments.filter(center=network.center_a1).exists()
    )
    response = client.post(url, {"username": "nobody", "role": "facilitator"})
    assert response.status_code == 200
    assert "username" in response.context["form"].errors


def test_holiday_is_added_and_shown_on_the_public_page(client, network):
    client.force_login(network.users[Role.CENTER])
    code = network.center_a1.code
    client.post(
        reverse("centers:staff-exception-add", args=[code]),
        {"date": "2099-03-21", "closed": "on", "reason_ky": "Нооруз", "reason_ru": "Нооруз"},
    )
    html = client.get(f"/ky/centers/{code}/").content.decode()
    assert "Нооруз" in html
