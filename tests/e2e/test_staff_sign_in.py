"""Staff sign in through the form, see their home for their role, and sign out."""

import re

import pytest
from playwright.sync_api import expect

from bilim.accounts.models import Role

from .conftest import check_accessibility, screenshot, sign_in, t

USERNAMES = {
    Role.NATIONAL: "nat",
    Role.REGION: "reg",
    Role.CENTER: "cen",
    Role.FACILITATOR: "fac",
    Role.PARTNER: "par",
    Role.OPERATOR: "ope",
    Role.ANALYST: "ana",
}


def expect_staff_home(page, live_server, user, role, lang="ky"):
    expect(page).to_have_url(f"{live_server.url}/{lang}/staff/")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(t(lang, "Hello, %(name)s") % {"name": user.get_full_name()})
    with_role = page.get_by_role("main").locator("strong", has_text=t(lang, role.label))
    expect(with_role.first).to_be_visible()


@pytest.mark.parametrize("role", list(USERNAMES), ids=[role.value for role in USERNAMES])
def test_each_role_signs_in_to_the_staff_home(page, network, live_server, role):
    user = network.users[role]
    sign_in(page, USERNAMES[role], lang="ky")

    expect_staff_home(page, live_server, user, role)
    screenshot(page, f"staff-home-{role.value}-desktop")
    check_accessibility(page)


def test_center_manager_staff_home_on_a_phone(open_page, network, live_server):
    page = open_page(viewport="phone")
    sign_in(page, "cen", lang="ky")

    expect_staff_home(page, live_server, network.users[Role.CENTER], Role.CENTER)
    # Their own center is listed and reachable.
    expect(page.get_by_role("link", name=network.center_a1.name_ky, exact=True)).to_be_visible()
    screenshot(page, "staff-home-center-phone")
    check_accessibility(page)


def test_regional_coordinator_sees_the_centers_of_their_region(page, network, live_server):
    sign_in(page, "reg", lang="ru")
    expect(page).to_have_url(f"{live_server.url}/ru/staff/")
    page.goto("/ru/staff/centers/")

    expect(page.get_by_role("heading", level=1)).to_have_text(t("ru", "Centers"))
    table = page.get_by_role("table")
    for center in (network.center_a1, network.center_a2):
        expect(table.get_by_role("link", name=center.name_ru, exact=True)).to_be_visible()
    for center in (network.center_b1, network.center_b2):
        expect(table.get_by_role("link", name=center.name_ru, exact=True)).to_have_count(0)

    screenshot(page, "staff-centers-region-ru-desktop")
    check_accessibility(page)


def test_sign_out_returns_home_and_closes_the_staff_pages(page, network, live_server):
    sign_in(page, "nat", lang="ky")
    expect(page).to_have_url(f"{live_server.url}/ky/staff/")

    page.get_by_role("banner").get_by_role("button", name=t("ky", "Sign out"), exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/ky/")
    expect(page.get_by_role("link", name=t("ky", "Staff sign-in"), exact=True)).to_be_visible()

    page.goto("/ky/staff/")
    expect(page).to_have_url(re.compile(r"/ky/staff/sign-in/\?next=/ky/staff/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(t("ky", "Staff sign-in"))
