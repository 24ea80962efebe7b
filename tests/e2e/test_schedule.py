"""A center manager schedules a course in Chromium and finds it on the center's calendar."""

import datetime

import pytest
from playwright.sync_api import expect

from bilim.accounts.models import Role
from bilim.scheduling.models import Offering, Session
from tests.e2e.conftest import VIEWPORTS, check_accessibility, screenshot, sign_in, t
from tests.factories import RoomFactory
from tests.scheduling.conftest import holiday
from tests.scheduling.factories import next_weekday

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_a_center_manager_creates_a_series_and_sees_the_calendar(open_page, network, lang):
    center = network.center_a1
    room = RoomFactory(center=center, name_ky="Чоң зал", name_ru="Большой зал")
    tuesday = next_weekday(1)
    closed = tuesday + datetime.timedelta(days=9)
    holiday(center, closed, reason="Мамлекеттик майрам")
    manager = network.users[Role.CENTER]

    page = open_page(viewport="desktop")
    sign_in(page, manager.username, lang=lang)
    page.goto(f"/{lang}/staff/schedule/")
    check_accessibility(page)
    page.get_by_role("link", name=t(lang, "New offering"), exact=True).click()

    page.get_by_label(t(lang, "Program"), exact=True).select_option(
        label=getattr(network.own_program, f"title_{lang}")
    )
    page.get_by_label(t(lang, "Center"), exact=True).select_option(str(center.pk))
    page.get_by_label(t(lang, "Places"), exact=True).fill("15")
    check_accessibility(page)
    screenshot(page, f"schedule-offering-form-{lang}-desktop")
    page.get_by_role("button", name=t(lang, "Create the offering")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Add sessions"))
    page.get_by_role("button", name=t(lang, "Add the sessions")).click()
    # Nothing chosen: the errors are listed and nothing is created.
    expect(page.locator(".error-summary")).to_be_visible()
    assert not Session.objects.exists()
    check_accessibility(page)
    screenshot(page, f"schedule-series-errors-{lang}-desktop")
    # A full-page screenshot leaves Chromium's hit-testing off; restore the viewport.
    page.set_viewport_size(VIEWPORTS["desktop"])

    for day in ("Tuesday", "Thursday"):
        page.get_by_label(t(lang, day).capitalize(), exact=True).check()
    page.get_by_label(t(lang, "Starts at"), exact=True).fill("18:00")
    page.get_by_label(t(lang, "Ends at"), exact=True).fill("19:30")
    page.get_by_label(t(lang, "First day"), exact=True).fill(tuesday.isoformat())
    page.get_by_label(t(lang, "Number of weeks"), exact=True).fill("4")
    page.get_by_label(t(lang, "Room"), exact=True).select_option(str(room.pk))
    check_accessibility(page)
    page.get_by_role("button", name=t(lang, "Add the sessions")).click()

    skipped = page.locator(".skipped")
    expect(skipped).to_contain_text("Мамлекеттик майрам")
    assert Session.objects.count() == 7
    check_accessibility(page)
    screenshot(page, f"schedule-series-done-{lang}-desktop")

    page.get_by_role("link", name=t(lang, "See the center's calendar")).click()
    grid = page.locator(".calendar")
    expect(grid.get_by_role("columnheader", name=getattr(room, f"name_{lang}"))).to_be_visible()
    expect(grid.get_by_text(getattr(network.own_program, f"title_{lang}")).first).to_be_visible()
    check_accessibility(page)
    screenshot(page, f"schedule-center-calendar-{lang}-desktop")
    page.get_by_role("link", name=t(lang, "Next week")).click()
    expect(page).to_have_url(
        f"/{lang}/staff/schedule/centers/{center.code}/?week="
        f"{(tuesday - datetime.timedelta(days=1) + datetime.timedelta(days=7)).isoformat()}"
    )

    phone = open_page(viewport="phone")
    sign_in(phone, manager.username, lang=lang)
    phone.goto(f"/{lang}/staff/schedule/centers/{center.code}/?week={tuesday.isoformat()}")
    expect(phone.locator(".calendar")).to_be_hidden()
    day_list = phone.locator(".week-list")
    title = getattr(network.own_program, f"title_{lang}")
    expect(day_list.get_by_text(title).first).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
    check_accessibility(phone)
    screenshot(phone, f"schedule-center-calendar-{lang}-phone")

    offering = Offering.objects.get()
    phone.goto(f"/{lang}/staff/schedule/offerings/{offering.pk}/")
    expect(phone.get_by_role("heading", level=1)).to_have_text(title)
    expect(phone.get_by_role("row")).to_have_count(8)  # the header and seven sessions
    assert phone.evaluate("document.documentElement.scrollWidth") <= VIEWPORTS["phone"]["width"]
    check_accessibility(phone)
    screenshot(phone, f"schedule-offering-{lang}-phone")


def test_a_facilitator_sees_their_week_and_the_secret_feed_address(open_page, network):
    from bilim.accounts.services import role_assign
    from tests.factories import UserFactory
    from tests.scheduling.factories import OfferingFactory, SessionFactory, at

    lang = "ky"
    person = UserFactory(username="jyldyz", first_name="Жылдыз", last_name="Асанова")
    role_assign(user=person, role=Role.FACILITATOR, center_id=network.center_a1.pk)
    offering = OfferingFactory(center=network.center_a1, format="hybrid")
    offering.facilitators.add(person)
    tuesday = next_weekday(1)
    SessionFactory(
        offering=offering, starts_at=at(tuesday, 18), stream_url="https://meet.example.kg/b"
    )

    page = open_page(viewport="phone")
    sign_in(page, person.username, lang=lang)
    page.goto(f"/{lang}/staff/schedule/mine/?week={tuesday.isoformat()}")
    expect(page.get_by_text(offering.program.title_ky)).to_be_visible()
    expect(page.get_by_role("link", name=t(lang, "Stream or meeting link"))).to_have_attribute(
        "href", "https://meet.example.kg/b"
    )
    expect(page.locator(".feed-url")).to_contain_text("/calendar/mine/")
    check_accessibility(page)
    screenshot(page, f"schedule-my-sessions-{lang}-phone")
