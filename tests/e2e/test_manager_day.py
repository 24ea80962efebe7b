"""A center manager opens the staff home and sees the center's day; a coordinator picks a center.

The page is looked at today at noon (the live server runs in this process, so the clock of
the day's view is fixed): the 10:00 session has begun, the 15:00 one has not.
"""

import datetime
from functools import partial

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from bilim.accounts.models import Role
from bilim.accounts.services import role_assign
from bilim.attendance.models import Attendance
from bilim.notifications.models import Message
from bilim.scheduling.models import Session
from bilim.web.day import center_day
from tests.attendance.conftest import register
from tests.e2e.conftest import check_accessibility, screenshot, sign_in, t
from tests.factories import ProgramFactory, RoomFactory, UserFactory
from tests.scheduling.factories import OfferingFactory, SessionFactory, SpaceBookingFactory, at

pytestmark = pytest.mark.e2e

TODAY = timezone.localdate()
NOON = at(TODAY, 12)

TITLES = {
    "ky": "Санариптик сабаттуулук: телефон менен",
    "ru": "Цифровая грамотность: всё с телефона",
    "en": "Digital literacy: all from your phone",
}


def _group(center, titles, *, starts, capacity, room, facilitator=None):
    program = ProgramFactory(**{f"title_{lang}": title for lang, title in titles.items()})
    offering = OfferingFactory(program=program, center=center, capacity=capacity)
    if facilitator:
        offering.facilitators.add(facilitator)
    session = SessionFactory(
        offering=offering,
        room=RoomFactory(center=center, name_ky=room[0], name_ru=room[1], name_en=room[1]),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(minutes=90),
    )
    week = TODAY + datetime.timedelta(days=7)  # keeps registration open
    SessionFactory(offering=offering, starts_at=at(week, 10), ends_at=at(week, 12))
    return session


@pytest.fixture
def day(network, monkeypatch):
    """A full morning group with check-ins, an afternoon group, a cancelled one, and more."""
    monkeypatch.setattr("bilim.web.views.center_day", partial(center_day, now=NOON))
    center = network.center_a1
    asel = UserFactory(username="asel", first_name="Асель", last_name="Бекова")
    role_assign(user=asel, role=Role.FACILITATOR)
    morning = _group(
        center,
        TITLES,
        starts=at(TODAY, 10),
        capacity=12,
        room=("Чоң зал", "Большой зал"),
        facilitator=asel,
    )
    people = [register(morning.offering, n) for n in range(1, 15)]  # 12 places, 2 waiting
    for registration in people[:7]:
        Attendance.objects.create(session=morning, registration=registration, method="code")
    afternoon = _group(
        center,
        {"ky": "Шайлоо жана жаран", "ru": "Выборы и гражданин", "en": "Elections and you"},
        starts=at(TODAY, 15),
        capacity=20,
        room=("Кичи бөлмө", "Малый зал"),
    )
    for n in range(20, 25):
        register(afternoon.offering, n)
    cancelled = _group(
        center,
        {"ky": "Кино көрсөтүү", "ru": "Кинопоказ", "en": "Film screening"},
        starts=at(TODAY, 17),
        capacity=30,
        room=("Жыйындар залы", "Актовый зал"),
    )
    Session.objects.filter(pk=cancelled.pk).update(
        status=Session.Status.CANCELLED, cancel_reason="Жарык өчүп калды"
    )
    SpaceBookingFactory(
        center=center,
        title="Жаштар менен тегерек стол",
        requester_name="Айпери Садыкова",
        organisation="Жаштар кеңеши",
    )
    Message.objects.create(
        channel=Message.Channel.SMS,
        recipient="+996555000001",
        body="Эртең саат 10:00до сабак.",
        kind="reminder-24h",
        center=center,
        status=Message.Status.FAILED,
        attempts=6,
        last_error="SmsTemporaryError: HTTP 503",
        next_attempt_at=timezone.now(),
    )
    return morning


def _fits_the_screen(page: Page) -> bool:
    page.wait_for_load_state()  # the stylesheet turns the table into blocks on a phone
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_a_center_manager_sees_the_day_of_the_center(open_page, network, day, lang):
    center_name = getattr(network.center_a1, f"name_{lang}")
    for viewport in ("desktop", "phone"):
        page = open_page(viewport=viewport)
        sign_in(page, network.users[Role.CENTER].username, lang=lang)
        expect(page.locator("#day-title")).to_contain_text(center_name)

        rows = page.locator(".day-table tbody tr")
        expect(rows).to_have_count(3)
        morning = rows.nth(0)
        expect(morning).to_contain_text(TITLES[lang])
        expect(morning).to_contain_text("10:00")
        expect(morning).to_contain_text("Асель Бекова")
        expect(morning.locator(".day-fill strong")).to_have_text("12")
        expect(morning.locator(".day-fill")).to_contain_text("12")
        expect(morning.locator(".day-waiting")).to_contain_text("2")
        expect(morning.locator(".day-checkin strong")).to_have_text("7")
        expect(morning.locator(".day-checkin")).to_contain_text("12")
        expect(rows.nth(1).locator(".day-checkin strong")).to_have_count(0)  # not started
        expect(rows.nth(2)).to_contain_text(t(lang, Session.Status.CANCELLED.label))
        expect(rows.nth(2)).to_contain_text("Жарык өчүп калды")

        bookings = page.locator("section[aria-labelledby=day-bookings-title]")
        expect(bookings.locator(".day-count strong")).to_have_text("1")
        expect(bookings).to_contain_text("Жаштар менен тегерек стол")
        expect(bookings).to_contain_text("Айпери Садыкова")
        messages = page.locator("section[aria-labelledby=day-messages-title]")
        expect(messages.locator(".day-count strong")).to_have_text("1")

        assert _fits_the_screen(page), "the day must not scroll sideways"
        check_accessibility(page)
        screenshot(page, f"manager-day-{lang}-{viewport}")

    # The session's title opens its roster, where people are checked in.
    morning.get_by_role("link").first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(TITLES[lang])
    assert page.url.endswith(f"/staff/sessions/{day.pk}/roster/")


def test_a_regional_coordinator_picks_a_center_with_the_keyboard(open_page, network, day):
    lang = "ru"
    page = open_page(viewport="desktop")
    sign_in(page, network.users[Role.REGION].username, lang=lang)
    expect(page.locator("#day-title")).to_contain_text(network.center_a1.name_ru)
    expect(page.locator(".day-table tbody tr")).to_have_count(3)
    check_accessibility(page)

    picker = page.get_by_label(t(lang, "Center"), exact=True)
    for _ in range(40):  # Tab through the page, as someone without a mouse does
        page.keyboard.press("Tab")
        if picker.evaluate("e => e === document.activeElement"):
            break
    expect(picker).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(picker).to_have_value(network.center_a2.code)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=t(lang, "Show this center"))).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator("#day-title")).to_contain_text(network.center_a2.name_ru)
    expect(page.get_by_text(t(lang, "No sessions at this center today."))).to_be_visible()
    expect(page.get_by_label(t(lang, "Center"), exact=True)).to_have_value(network.center_a2.code)
    check_accessibility(page)

    # The choice is kept: the staff home opens on the same center next time.
    page.goto(f"/{lang}/staff/")
    expect(page.locator("#day-title")).to_contain_text(network.center_a2.name_ru)

    phone = open_page(viewport="phone")
    sign_in(phone, network.users[Role.REGION].username, lang="ky")
    expect(phone.locator("#day-title")).to_contain_text(network.center_a1.name_ky)
    assert _fits_the_screen(phone)
    check_accessibility(phone)
    screenshot(phone, "manager-day-region-ky-phone")
