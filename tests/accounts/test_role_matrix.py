"""Role × page matrix: each role reaches exactly the staff pages and rows of its scope."""

import pytest
from django.urls import reverse

from bilim.accounts.models import Role

ALL_ROLES = list(Role)

# page name -> roles allowed to open it
PAGES = {
    "web:staff-home": set(ALL_ROLES),
    "centers:staff-center-list": {Role.NATIONAL, Role.REGION, Role.CENTER, Role.OPERATOR},
    "accounts:staff-user-list": {Role.NATIONAL},
    "scheduling:staff-offering-list": {Role.NATIONAL, Role.REGION, Role.CENTER},
    "scheduling:staff-offering-create": {Role.NATIONAL, Role.REGION, Role.CENTER},
    "scheduling:staff-my-calendar": {Role.FACILITATOR},
    "notifications:trouble-list": {Role.NATIONAL, Role.REGION, Role.CENTER},
    "bookings:staff-booking-list": {Role.NATIONAL, Role.REGION, Role.CENTER},
    "helpdesk:consultation-log": {Role.NATIONAL, Role.CENTER},
    "guides:staff-guide-list": {Role.NATIONAL, Role.CENTER},
    "guides:staff-guide-create": {Role.NATIONAL},
    "guides:staff-desk-guides": {Role.NATIONAL, Role.CENTER},
    "walkins:staff-queue": {Role.NATIONAL, Role.CENTER},
    "helpdesk:figures": {Role.NATIONAL, Role.REGION, Role.CENTER, Role.ANALYST},
}

# role -> centers (by English name) it must see in the staff list; others must not appear
CENTERS_SEEN = {
    Role.NATIONAL: {"Center A1", "Center A2", "Center B1", "Center B2"},
    Role.OPERATOR: {"Center A1", "Center A2", "Center B1", "Center B2"},
    Role.REGION: {"Center A1", "Center A2"},
    Role.CENTER: {"Center A1"},
}

PROGRAMS_SEEN_ON_HOME = {
    Role.NATIONAL: {"Own program", "Co program", "Foreign program"},
    Role.REGION: {"Own program", "Co program", "Foreign program"},
    Role.CENTER: {"Own program", "Co program", "Foreign program"},
    Role.OPERATOR: {"Own program", "Co program", "Foreign program"},
    Role.PARTNER: {"Own program", "Co program"},
    Role.FACILITATOR: set(),
    Role.ANALYST: set(),
}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", ALL_ROLES)
def test_each_role_opens_exactly_its_pages(client, network, role, page):
    client.force_login(network.users[role])
    response = client.get(reverse(page))
    expected = 200 if role in PAGES[page] else 403
    assert response.status_code == expected


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_visitor_is_sent_to_sign_in(client, db, page):
    url = reverse(page)
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("page", PAGES)
def test_user_without_role_is_refused(client, network, page):
    client.force_login(network.no_role)
    assert client.get(reverse(page)).status_code == 403


@pytest.mark.parametrize("role", list(CENTERS_SEEN))
def test_center_list_shows_exactly_the_centers_in_scope(client, network, role):
    client.force_login(network.users[role])
    html = client.get("/en/staff/centers/").content.decode()
    for center in ("Center A1", "Center A2", "Center B1", "Center B2"):
        assert (center in html) == (center in CENTERS_SEEN[role]), center


@pytest.mark.parametrize(
    ("role", "center_attr", "status"),
    [
        (Role.REGION, "center_a2", 200),
        (Role.REGION, "center_b1", 404),
        (Role.CENTER, "center_a1", 200),
        (Role.CENTER, "center_a2", 404),
        (Role.NATIONAL, "center_b2", 200),
        (Role.OPERATOR, "center_b2", 200),
        (Role.PARTNER, "center_a1", 403),
        (Role.ANALYST, "center_a1", 403),
        (Role.FACILITATOR, "center_a1", 403),
    ],
)
def test_center_page_outside_scope_is_not_found(client, network, role, center_attr, status):
    client.force_login(network.users[role])
    center = getattr(network, center_attr)
    response = client.get(reverse("centers:staff-center-detail", args=[center.code]))
    assert response.status_code == status


@pytest.mark.parametrize("role", ALL_ROLES)
def test_staff_home_lists_only_programs_in_scope(client, network, role):
    client.force_login(network.users[role])
    html = client.get("/en/staff/").content.decode()
    for title in ("Own program", "Co program", "Foreign program"):
        assert (title in html) == (title in PROGRAMS_SEEN_ON_HOME[role]), title


def test_django_admin_is_only_for_the_national_office(client, network):
    for role, user in network.users.items():
        client.force_login(user)
        response = client.get("/en/admin/")
        assert response.status_code == (200 if role == Role.NATIONAL else 302), role
