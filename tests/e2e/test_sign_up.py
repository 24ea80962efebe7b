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
