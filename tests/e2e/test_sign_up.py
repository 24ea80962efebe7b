"""A woman signs up for a group on a phone in Kyrgyz: from the program page to her own page."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bilim.registrations.models import Registration
from tests.e2e.conftest import check_accessibility, screenshot, t
from tests.scheduling.factories import OfferingFactory, SessionFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def offering(transactional_db):
    start = timezone.now() + datetime.timedelta(days=4)
    return SessionFactory(
        offering=OfferingFactory(capacity=1),
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    ).offering


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_sign_up_from_the_program_page_on_a_phone(open_page, offering, lang):
    program = offering.program
    page = open_page(f"/{lang}/programs/{program.code}/", viewport="phone")
    page.get_by_role("link", name=t(lang, "Register")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(getattr(program, f"title_{lang}"))
    check_accessibility(page)

    page.get_by_label(t(lang, "Full name")).fill("Айгүл Осмонова")
    page.get_by_label(t(lang, "Mobile phone")).fill("12345")
    page.get_by_role("button", name=t(lang, "Register")).click()
    expect(page.locator(".error-summary")).to_be_visible()
    check_accessibility(page)
    screenshot(page, f"sign-up-errors-{lang}-phone")
    # What was typed is still there.
    expect(page.get_by_label(t(lang, "Full name"))).to_have_value("Айгүл Осмонова")

    page.get_by_label(t(lang, "Mobile phone")).fill("0555 123 456")
    page.get_by_label(t(lang, "Woman"), exact=True).check()
    page.get_by_label(
        t(lang, "I agree to the processing of my personal data as described above")
    ).check()
    page.get_by_role("button", name=t(lang, "Register")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Your registration"))
    expect(page.locator(".facts")).to_contain_text(t(lang, "confirmed").capitalize())
    check_accessibility(page)
    screenshot(page, f"sign-up-done-{lang}-phone")
    registration = Registration.objects.get()
    assert registration.participant.phone == "+996555123456"
    assert registration.participant.language == lang


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_a_known_name_and_phone_from_another_browser_get_no_personal_page(
    open_page, offering, lang, viewport
):
    from bilim.registrations.services import Person, registration_create

    earlier = registration_create(
        offering=offering,
        person=Person(name="Айгүл Осмонова", phone="+996555123456", sex="female", language="ky"),
        channel=Registration.Channel.WEB,
    ).registration
    page = open_page(f"/{lang}/offerings/{offering.pk}/register/", viewport=viewport)
    screenshot(page, f"sign-up-{lang}-{viewport}")
    page.get_by_label(t(lang, "Full name")).fill("айгүл осмонова")
    page.get_by_label(t(lang, "Mobile phone")).fill("0555 123 456")
    page.get_by_label(t(lang, "Man"), exact=True).check()
    page.get_by_label(
        t(lang, "I agree to the processing of my personal data as described above")
    ).check()
    page.get_by_role("button", name=t(lang, "Register")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "You are already registered"))
    expect(page.locator("main")).to_contain_text("+996 … 456")
    html = page.content()
    assert earlier.token not in html and earlier.short_code[:4] not in html
    expect(page.locator(".check-in-code")).to_have_count(0)
    check_accessibility(page)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    screenshot(page, f"sign-up-known-{lang}-{viewport}")
    earlier.participant.refresh_from_db()
    assert (earlier.participant.name, earlier.participant.sex) == ("Айгүл Осмонова", "female")
