"""What a person is told (issue 12.4–12.6) in a real browser, at 360 px and on a desktop:
the confirmed and the waitlisted personal page, the cancel question, and a program page
with a closed group; the cancel journey without JavaScript, by keyboard."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bilim.registrations.models import Registration
from bilim.registrations.services import Person, registration_create
from tests.e2e.conftest import check_accessibility, screenshot, t
from tests.factories import ProgramFactory
from tests.scheduling.factories import OfferingFactory, SessionFactory

pytestmark = pytest.mark.e2e
VIEWPORTS = ["phone", "desktop"]


@pytest.fixture
def people(transactional_db, live_server, settings, network):
    """A group with one place: Айгүл holds it, Бакыт waits (second in line after nobody)."""
    settings.BILIM_SITE_URL = live_server.url
    start = timezone.now() + datetime.timedelta(days=4)
    offering = SessionFactory(
        offering=OfferingFactory(capacity=1, center=network.center_a1),
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    ).offering

    def register(name, phone, language):
        person = Person(name=name, phone=phone, sex="female", language=language)
        return registration_create(
            offering=offering, person=person, channel=Registration.Channel.WEB
        ).registration

    return register("Айгүл Осмонова", "+996555123456", "ky"), register(
        "Бакыт Жумабеков", "+996700123456", "ru"
    )


def fits_the_screen(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the screen"


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_the_confirmed_and_the_waitlisted_pages(open_page, people, lang, viewport):
    confirmed, waiting = people
    page = open_page(f"/{lang}/my/{confirmed.token}/", viewport=viewport)
    expect(page.locator(".qr-frame svg")).to_be_visible()
    check_accessibility(page)
    fits_the_screen(page)
    screenshot(page, f"told-confirmed-{lang}-{viewport}")

    page.goto(f"/{lang}/my/{waiting.token}/")
    expect(page.locator("#waitlist-title")).to_be_visible()
    expect(page.locator("svg[role=img]")).to_have_count(0)
    expect(page.get_by_text(t(lang, "Save the QR code"))).to_have_count(0)
    check_accessibility(page)
    fits_the_screen(page)
    screenshot(page, f"told-waitlisted-{lang}-{viewport}")


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_cancel_asks_first_with_the_keyboard_and_no_javascript(open_page, people, lang, viewport):
    confirmed, waiting = people
    question = open_page(f"/{lang}/my/{confirmed.token}/cancel/", viewport=viewport)
    check_accessibility(question)  # axe needs JavaScript; the journey below runs without
    fits_the_screen(question)
    screenshot(question, f"told-cancel-confirm-{lang}-{viewport}")
    page = open_page(f"/{lang}/my/{confirmed.token}/", viewport=viewport, java_script_enabled=False)
    link = page.get_by_role("link", name=t(lang, "Cancel my registration"))
    link.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/{lang}/my/{confirmed.token}/cancel/$"))
    confirmed.refresh_from_db()
    assert confirmed.status == Registration.Status.CONFIRMED
    page.locator("main form button[type=submit]").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/{lang}/my/{confirmed.token}/$"))
    confirmed.refresh_from_db()
    waiting.refresh_from_db()
    assert confirmed.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.OFFERED


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_a_program_page_with_a_closed_group(open_page, transactional_db, network, lang, viewport):
    program = ProgramFactory(certificate_min_attendance=75)
    now = timezone.now()
    closed = OfferingFactory(program=program, center=network.center_a1, capacity=10)
    for days in (-2, -1, 1, 2):  # 2 of 4 sessions left: too late for a 75 % certificate
        start = now + datetime.timedelta(days=days)
        SessionFactory(
            offering=closed, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
        )
    open_group = OfferingFactory(program=program, center=network.center_b1, capacity=10)
    start = now + datetime.timedelta(days=5)
    SessionFactory(
        offering=open_group, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
    )
    page = open_page(f"/{lang}/programs/{program.code}/", viewport=viewport)
    expect(page.locator(f"a[href='/{lang}/offerings/{closed.pk}/register/']")).to_have_count(0)
    expect(page.locator(f"a[href='/{lang}/offerings/{open_group.pk}/register/']")).to_have_count(1)
    expect(page.locator(".offering .notice")).to_have_count(1)
    check_accessibility(page)
    fits_the_screen(page)
    screenshot(page, f"told-program-closed-{lang}-{viewport}")
