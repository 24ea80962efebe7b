"""The partners pages in Debian's Chromium: the public journey, the review, axe-core checks."""

import pytest
from playwright.sync_api import expect

from bilim.accounts.models import Role
from bilim.partners.models import Direction, PartnershipApplication
from tests.conftest import PASSWORD
from tests.e2e.conftest import LANGS, check_accessibility, screenshot, sign_in, t

pytestmark = pytest.mark.e2e


@pytest.fixture
def listed(network):
    network.partner.directions.set(Direction.objects.filter(code__in=["civic", "digital"]))
    network.other_partner.directions.set(Direction.objects.filter(code="civic"))
    return network


@pytest.mark.parametrize("lang", LANGS)
def test_partners_list_and_page_in_each_language(open_page, listed, lang):
    page = open_page(f"/{lang}/partners/", viewport="phone")
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Partners of the network"))
    check_accessibility(page)
    screenshot(page, f"partners-{lang}-phone")
    name = getattr(listed.partner, f"name_{lang}")
    page.get_by_role("link", name=name, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.get_by_text(getattr(listed.own_program, f"title_{lang}"))).to_be_visible()
    expect(page.get_by_text(getattr(listed.co_program, f"title_{lang}"))).to_be_visible()
    check_accessibility(page)
    screenshot(page, f"partner-{lang}-phone")


def test_direction_filter_works_without_javascript(open_page, listed):
    page = open_page("/ru/partners/", viewport="desktop")
    screenshot(page, "partners-ru-desktop")
    page = open_page("/en/partners/", java_script_enabled=False)
    page.get_by_role("link", name="Digital education", exact=True).click()
    expect(page).to_have_url("/en/partners/?direction=digital")
    expect(page.get_by_role("link", name=listed.partner.name_en, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=listed.other_partner.name_en, exact=True)).to_have_count(0)


def test_applying_to_become_a_partner(open_page, listed):
    lang = "ky"
    page = open_page(f"/{lang}/partners/", viewport="phone")
    page.get_by_role("link", name=t(lang, "Become a partner"), exact=True).click()
    check_accessibility(page)
    page.get_by_label(t(lang, "name of the organisation").capitalize()).fill("Жаштар демилгеси")
    page.get_by_role("button", name=t(lang, "Send the application")).click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    check_accessibility(page)
    screenshot(page, f"partner-apply-errors-{lang}-phone")
    summary.get_by_role("link").first.click()
    expect(page.locator("#id_kind_0")).to_be_focused()
    # What was typed is still there.
    expect(page.locator("#id_organisation")).to_have_value("Жаштар демилгеси")

    page.get_by_label(t(lang, "civil society organisation").capitalize()).check()
    page.locator("#id_contact_name").fill("Айгүл Осмонова")
    page.locator("#id_email").fill("aigul@jashtar.kg")
    page.locator("#id_offer").fill("Дебат клубдары үчүн тренерлер.")
    page.get_by_label(Direction.objects.get(code="civic").name_ky).check()
    page.get_by_role("button", name=t(lang, "Send the application")).click()

    expect(page).to_have_url(f"/{lang}/partners/apply/thanks/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        t(lang, "Thank you: we have received your application")
    )
    check_accessibility(page)
    screenshot(page, f"partner-apply-thanks-{lang}-phone")
    application = PartnershipApplication.objects.get()
    assert (application.organisation, application.language) == ("Жаштар демилгеси", "ky")


def test_national_office_reviews_and_accepts_an_application(open_page, listed):
    from tests.partners.factories import ApplicationFactory

    application = ApplicationFactory(organisation="Санарип көпүрө")
    lang = "ru"
    page = open_page()
    sign_in(page, listed.users[Role.NATIONAL].username, PASSWORD, lang=lang)
    page.goto(f"/{lang}/staff/partners/")
    check_accessibility(page)
    page.get_by_role("link", name=t(lang, "Partnership applications")).click()
    page.get_by_role("link", name="Санарип көпүрө").click()
    check_accessibility(page)

    page.get_by_role("button", name=t(lang, "Decline")).click()
    expect(page.locator(".error-summary")).to_contain_text(
        t(lang, "Say why the application is declined: the comment is kept with it.")
    )
    page.get_by_role("button", name=t(lang, "Start the review")).click()
    page.get_by_label(t(lang, "Comment"), exact=True).fill("Созвонились, договорились.")
    page.get_by_role("button", name=t(lang, "Accept and create the partner")).click()
    expect(page.locator(".history")).to_contain_text("Созвонились, договорились.")
    check_accessibility(page)
    screenshot(page, "partner-application-accepted-ru")

    page.get_by_role("link", name=t(lang, "Partner record")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Санарип көпүрө")
    application.refresh_from_db()
    assert application.status == PartnershipApplication.Status.ACCEPTED
