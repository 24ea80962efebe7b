"""A group asks for a room in Kyrgyz on a phone; the center manager approves it (Chromium)."""

import re

import pytest
from playwright.sync_api import expect

from bilim.accounts.models import Role
from bilim.scheduling.models import SpaceBooking
from tests.e2e.conftest import VIEWPORTS, check_accessibility, screenshot, sign_in, t
from tests.factories import RoomFactory
from tests.scheduling.factories import next_weekday

pytestmark = pytest.mark.e2e


def test_a_citizen_asks_for_a_room_and_the_manager_approves_it(open_page, network):
    center = network.center_a1
    hall = RoomFactory(center=center, name_ky="Чоң зал", name_ru="Большой зал", capacity=30)
    RoomFactory(center=center, name_ky="Кичи бөлмө", capacity=8)
    wednesday = next_weekday(2)
    lang = "ky"

    page = open_page(f"/{lang}/centers/{center.code}/book/", viewport="phone")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        t(lang, "Ask for a room for your group's event")
    )
    check_accessibility(page)
    screenshot(page, f"booking-request-{lang}-phone")

    page.get_by_label(t(lang, "Name of the event"), exact=True).fill("Аялдар лидерлиги")
    page.get_by_label(t(lang, "Phone"), exact=True).fill("12345")
    page.get_by_role("button", name=t(lang, "Send the request")).click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(
        t(lang, "Enter a phone number such as 0555 123 456 or +996 555 123 456.")
    )
    check_accessibility(page)
    screenshot(page, f"booking-request-errors-{lang}-phone")
    page.set_viewport_size(VIEWPORTS["phone"])
    summary.get_by_role("link").first.click()
    expect(page.locator("#id_purpose_0")).to_be_focused()
    expect(page.locator("#id_title")).to_have_value("Аялдар лидерлиги")  # kept

    page.get_by_label(
        t(lang, SpaceBooking.Purpose.WOMEN_LEADERSHIP.label).capitalize(), exact=True
    ).check()
    page.get_by_label(t(lang, "How many people will come?"), exact=True).fill("20")
    page.get_by_label(t(lang, "Date"), exact=True).fill(wednesday.isoformat())
    page.get_by_label(t(lang, "Starts at"), exact=True).fill("14:00")
    page.get_by_label(t(lang, "Ends at"), exact=True).fill("16:00")
    page.get_by_label(t(lang, "Your name"), exact=True).fill("Гүлнара Токтосунова")
    page.get_by_label(t(lang, "Phone"), exact=True).fill("0555 123 456")
    page.get_by_label(t(lang, "Anyone may come: list the event on the center's page")).check()
    page.get_by_role("button", name=t(lang, "Send the request")).click()

    expect(page).to_have_url(f"/{lang}/centers/{center.code}/book/thanks/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        t(lang, "Thank you: your request is sent")
    )
    check_accessibility(page)
    screenshot(page, f"booking-request-thanks-{lang}-phone")
    booking = SpaceBooking.objects.get()
    assert (booking.language, booking.phone, booking.publish) == ("ky", "+996 555 123 456", True)

    # The center manager, at a desk.
    page = open_page(viewport="desktop")
    sign_in(page, network.users[Role.CENTER].username, lang=lang)
    page.goto(f"/{lang}/staff/bookings/")
    check_accessibility(page)
    screenshot(page, f"booking-list-{lang}-desktop")
    page.get_by_role("link", name="Аялдар лидерлиги").click()
    check_accessibility(page)
    screenshot(page, f"booking-decision-{lang}-desktop")
    page.set_viewport_size(VIEWPORTS["desktop"])
    # The smallest room that fits and is free is chosen already.
    expect(page.get_by_label(re.compile("^Чоң зал"))).to_be_checked()
    page.get_by_role("button", name=t(lang, "Approve and give the room")).click()
    expect(page.locator(".messages")).to_contain_text(
        t(lang, "The request was approved; the requester is told.")
    )
    check_accessibility(page)
    screenshot(page, f"booking-approved-{lang}-desktop")
    booking.refresh_from_db()
    assert (booking.status, booking.room) == (SpaceBooking.Status.APPROVED, hall)
