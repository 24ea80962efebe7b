"""A person's own pages in a real browser: the QR code they show at the center, and
opening all their registrations with their phone and a code from an SMS."""

import datetime
import re
import subprocess

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bilim.notifications.models import Message
from bilim.registrations.models import Registration
from bilim.registrations.services import Person, registration_create
from tests.e2e.conftest import SCREENSHOTS, check_accessibility, screenshot, t
from tests.scheduling.factories import OfferingFactory, SessionFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def offering(transactional_db, live_server, settings):
    # Links in QR codes and messages point at the server the browser talks to.
    settings.BILIM_SITE_URL = live_server.url
    start = timezone.now() + datetime.timedelta(days=4)
    return SessionFactory(
        offering=OfferingFactory(capacity=5),
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    ).offering


def fits_the_screen(page):
    """Nothing sticks out sideways (long Kyrgyz words on a 360 px phone)."""
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page is {overflow}px wider than the screen"


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_after_sign_up_the_qr_code_on_the_page_reads_as_its_address(open_page, offering, lang):
    page = open_page(f"/{lang}/offerings/{offering.pk}/register/", viewport="phone")
    page.get_by_label(t(lang, "Full name")).fill("Айгүл Осмонова")
    page.get_by_label(t(lang, "Mobile phone")).fill("0555 123 456")
    page.get_by_label(t(lang, "Woman"), exact=True).check()
    page.get_by_label(
        t(lang, "I agree to the processing of my personal data as described above")
    ).check()
    page.get_by_role("button", name=t(lang, "Register")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Your registration"))

    qr = page.get_by_role("img", name=t(lang, "QR code of your personal link, to show at check-in"))
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box["width"] >= 200, "too small to scan from a phone screen"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    qr_png = SCREENSHOTS / f"self-service-qr-{lang}.png"
    qr.screenshot(path=str(qr_png))
    decoded = subprocess.run(
        ["/usr/bin/zbarimg", "-q", "--raw", str(qr_png)], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert decoded == page.url

    code = Registration.objects.get().short_code
    expect(page.locator(".check-in-code")).to_contain_text(f"{code[:4]} {code[4:]}")
    expect(page.locator(".check-in-code")).to_contain_text(t(lang, "Check-in code"))
    check_accessibility(page)
    fits_the_screen(page)
    screenshot(page, f"self-service-personal-{lang}-phone")

    page.set_viewport_size({"width": 1280, "height": 900})
    check_accessibility(page)
    screenshot(page, f"self-service-personal-{lang}-desktop")

    with page.expect_download() as download:
        page.get_by_role("link", name=t(lang, "Add to calendar")).click()
    assert download.value.suggested_filename == "bilim.ics"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_phone_and_code_open_all_registrations(open_page, offering, lang, viewport):
    for program_offering, name in ((offering, "Айгүл Осмонова"), (OfferingFactory(), "Айгүл")):
        registration_create(
            offering=program_offering,
            person=Person(name=name, phone="+996555123456", sex="female", language=lang),
            channel=Registration.Channel.PHONE,
        )
    page = open_page(f"/{lang}/my/", viewport=viewport)
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "My registrations"))
    check_accessibility(page)
    screenshot(page, f"self-service-phone-{lang}-{viewport}")

    page.get_by_label(t(lang, "Mobile phone")).fill("0555 123 456")
    page.get_by_role("button", name=t(lang, "Send me a code")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Type the code"))
    page.get_by_label(t(lang, "Code from the SMS")).fill("000000")
    page.get_by_role("button", name=t(lang, "Open my registrations")).click()
    expect(page.locator(".error-summary")).to_be_visible()
    check_accessibility(page)
    fits_the_screen(page)
    screenshot(page, f"self-service-code-{lang}-{viewport}")

    sms = Message.objects.filter(kind="one-time-code", recipient="+996555123456").get()
    assert sms.language == lang
    found = re.search(r"\b(\d{6})\b", sms.body)
    assert found is not None
    code = found.group(1)
    page.get_by_label(t(lang, "Code from the SMS")).fill(code)
    page.get_by_role("button", name=t(lang, "Open my registrations")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "My registrations"))
    expect(page.locator(".my-item")).to_have_count(2)
    expect(page.locator(".my-list")).to_contain_text(getattr(offering.program, f"title_{lang}"))
    check_accessibility(page)
    fits_the_screen(page)
    screenshot(page, f"self-service-list-{lang}-{viewport}")

    # With the phone proved, the person corrects the name printed on the certificate.
    person = page.locator(".my-people li", has_text="Айгүл Осмонова")
    person.get_by_role("link", name=t(lang, "Correct the details")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Your details"))
    check_accessibility(page)
    fits_the_screen(page)
    screenshot(page, f"self-service-details-{lang}-{viewport}")
    page.get_by_label(t(lang, "Full name")).fill("Айгүл Осмонова-Бекова")
    page.get_by_role("button", name=t(lang, "Save my details")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "My registrations"))
    expect(page.locator(".my-people")).to_contain_text("Айгүл Осмонова-Бекова")

    page.get_by_role("button", name=t(lang, "Sign out")).click()
    expect(page.get_by_label(t(lang, "Mobile phone"))).to_be_visible()
    expect(page.locator(".my-list")).to_have_count(0)
