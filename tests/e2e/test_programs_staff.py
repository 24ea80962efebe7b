"""The programs' staff pages in Debian's Chromium: the national office writes a program in
Kyrgyz and Russian; a partner proposes one and the national office approves it."""

import pytest
from playwright.sync_api import expect

from bilim.accounts.models import Role
from bilim.partners.models import Direction
from bilim.programs.models import Program
from tests.e2e.conftest import check_accessibility, screenshot, sign_in, t

pytestmark = pytest.mark.e2e


def _fill_program(page, *, title_ky, title_ru, summary_ky, summary_ru, direction, lang):
    page.locator("#id_title_ky").fill(title_ky)
    page.locator("#id_title_ru").fill(title_ru)
    page.locator("#id_summary_ky").fill(summary_ky)
    page.locator("#id_summary_ru").fill(summary_ru)
    page.get_by_label(getattr(direction, f"name_{lang}"), exact=True).check()
    page.locator("#id_activity_type").select_option("workshop")
    page.get_by_role("checkbox", name=t(lang, "Kyrgyz"), exact=True).check()
    page.get_by_role("checkbox", name=t(lang, "Russian"), exact=True).check()
    page.locator("#id_session_count").fill("3")
    page.locator("#id_hours").fill("4.5")


def test_national_office_creates_and_publishes_a_program_in_ky_and_ru(open_page, network):
    lang = "ky"
    digital = Direction.objects.get(code="digital")
    page = open_page(viewport="phone")
    sign_in(page, network.users[Role.NATIONAL].username, lang=lang)
    page.goto(f"/{lang}/staff/programs/")
    check_accessibility(page)
    screenshot(page, "programs-staff-list-ky-phone")
    page.get_by_role("link", name=t(lang, "Add a program"), exact=True).click()
    _fill_program(
        page,
        title_ky="Санариптик коопсуздук",
        title_ru="Цифровая безопасность",
        summary_ky="Сырсөздөр жана алдамчылык тууралуу",
        summary_ru="",
        direction=digital,
        lang=lang,
    )
    page.get_by_role("button", name=t(lang, "Save"), exact=True).click()

    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    check_accessibility(page)
    screenshot(page, "programs-staff-form-errors-ky-phone")
    summary.get_by_role("link").first.click()
    expect(page.locator("#id_summary_ru")).to_be_focused()
    # What was typed is still there.
    expect(page.locator("#id_title_ru")).to_have_value("Цифровая безопасность")
    expect(page.locator("#id_hours")).to_have_value("4.5")

    page.locator("#id_summary_ru").fill("О паролях и мошенничестве")
    page.get_by_role("button", name=t(lang, "Save"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Санариптик коопсуздук")
    page.get_by_role("button", name=t(lang, "Publish"), exact=True).click()
    expect(page.locator(".messages")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "programs-staff-detail-ky-phone")
    program = Program.objects.get(title_ru="Цифровая безопасность")
    assert (program.status, program.title_ky) == (Program.Status.PUBLISHED, "Санариптик коопсуздук")

    # The Russian page shows the Russian title.
    page.goto(f"/ru/staff/programs/{program.code}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Цифровая безопасность")
    screenshot(page, "programs-staff-detail-ru-phone")


def test_partner_proposes_and_national_office_approves(open_page, network):
    civic = Direction.objects.get(code="civic")
    lang = "ru"
    page = open_page()
    sign_in(page, network.users[Role.PARTNER].username, lang=lang)
    page.goto(f"/{lang}/staff/programs/")
    page.get_by_role("link", name=t(lang, "Propose a program"), exact=True).click()
    check_accessibility(page)
    _fill_program(
        page,
        title_ky="Жаштардын дебат клубу",
        title_ru="Дебатный клуб молодёжи",
        summary_ky="Ар жума сайын дебаттар",
        summary_ru="Дебаты каждую неделю",
        direction=civic,
        lang=lang,
    )
    page.get_by_role("button", name=t(lang, "Send the proposal"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Дебатный клуб молодёжи")
    expect(page.locator(".status-proposed")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "programs-staff-proposed-ru-desktop")

    page = open_page()
    sign_in(page, network.users[Role.NATIONAL].username, lang=lang)
    page.goto(f"/{lang}/staff/programs/")
    page.get_by_role("link", name=t(lang, "Partners' proposals"), exact=False).click()
    check_accessibility(page)
    screenshot(page, "programs-staff-proposals-ru-desktop")
    page.get_by_role("link", name="Дебатный клуб молодёжи").click()
    page.get_by_role("button", name=t(lang, "Decline"), exact=True).click()
    expect(page.locator(".error-summary")).to_be_visible()
    check_accessibility(page)
    page.get_by_role("button", name=t(lang, "Approve and publish"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Partners' proposals"))
    screenshot(page, "programs-staff-approved-ru-desktop")
    program = Program.objects.get(title_ru="Дебатный клуб молодёжи")
    assert (program.status, program.lead_partner) == (Program.Status.PUBLISHED, network.partner)


def test_offering_proposal_and_material_forms_pass_axe(open_page, network):
    lang = "ky"
    page = open_page(viewport="phone")
    sign_in(page, network.users[Role.PARTNER].username, lang=lang)
    page.goto(f"/{lang}/staff/programs/")
    page.get_by_role("link", name=t(lang, "Propose an offering"), exact=True).click()
    page.get_by_role("button", name=t(lang, "Send the proposal"), exact=True).click()
    expect(page.locator(".error-summary")).to_be_visible()
    check_accessibility(page)
    screenshot(page, "programs-staff-offering-errors-ky-phone")

    page = open_page(viewport="phone")
    sign_in(page, network.users[Role.NATIONAL].username, lang=lang)
    page.goto(f"/{lang}/staff/programs/{network.own_program.code}/materials/new/")
    page.get_by_label(t(lang, "video").capitalize(), exact=True).check()
    page.locator("#id_title_ky").fill("Манас, 1-бөлүк")
    page.get_by_role("button", name=t(lang, "Add the material"), exact=True).click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.locator("#id_title_ky")).to_have_value("Манас, 1-бөлүк")
    check_accessibility(page)
    page.locator("#id_url").fill("https://www.youtube.com/watch?v=manas1")
    page.get_by_role("button", name=t(lang, "Add the material"), exact=True).click()
    expect(page.get_by_role("link", name="Манас, 1-бөлүк", exact=True)).to_be_visible()
    check_accessibility(page)
    screenshot(page, "programs-staff-materials-ky-phone")
