"""Help-desk figures in the browser, and correcting a consultation from the desk's list."""

import csv
import datetime
import io
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from bilim.accounts.models import Role
from bilim.helpdesk.models import Consultation, ServiceCategory
from bilim.helpdesk.reference import categories_ensure
from bilim.helpdesk.services import consultation_create
from tests.e2e.conftest import check_accessibility, screenshot, sign_in, t

pytestmark = pytest.mark.e2e


@pytest.fixture
def logged(transactional_db, network):
    """Consultations of this month in both regions (the live server's flush removed the seed)."""
    categories_ensure()
    # A few minutes ago, unless that was yesterday: "today" and "this month so far" hold it.
    now = timezone.localtime()
    moment = now - datetime.timedelta(minutes=5)
    if moment.date() != now.date():
        moment = now
    plan = [
        (network.center_a1, "e-signature", "resolved", "", "female"),
        (network.center_a1, "e-signature", "referred", "ЦОН", "female"),
        (network.center_a1, "criminal-record", "resolved", "", "not_disclosed"),
        (network.center_a2, "social-fund", "not_resolved", "Портал иштеген жок", "male"),
        (network.center_b1, "tax", "referred", "Салык кызматы", "female"),
        (network.center_b2, "tax", "resolved", "", "male"),
    ]
    for center, code, outcome, text, sex in plan:
        consultation_create(
            center=center,
            entered_by=network.users[Role.CENTER],
            category=ServiceCategory.objects.get(code=code),
            outcome=outcome,
            referred_to=text if outcome == "referred" else "",
            not_resolved_reason=text if outcome == "not_resolved" else "",
            duration_minutes=10,
            channel="walk_in",
            sex=sex,
            now=moment,
        )
    return network


def _open_figures(page: Page, network, lang: str) -> None:
    sign_in(page, network.users[Role.NATIONAL].username, lang=lang)
    page.goto(f"/{lang}/staff/helpdesk/figures/")
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Help-desk figures"))


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_figures_read_well_on_phone_and_desktop(open_page, logged, lang, viewport):
    page = open_page(viewport=viewport)
    _open_figures(page, logged, lang)
    expect(page.locator(".figures strong").first).to_have_text("6")
    services = page.get_by_role(
        "table", name=t(lang, "Consultations by service, and how they ended")
    )
    expect(services.locator("tbody tr")).to_have_count(4)
    expect(
        page.get_by_role("rowheader", name=t(lang, "not stated").capitalize()).first
    ).to_be_visible()
    # Nothing spills out sideways on a phone: wide tables scroll inside their own box.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    check_accessibility(page)
    screenshot(page, f"helpdesk-figures-{lang}-{viewport}")


def _focus_by_tab(page: Page, name: str, limit: int = 60) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.name") == name:
            return
    raise AssertionError(f"Tab never reached the field {name!r}")


def test_a_region_is_chosen_with_the_keyboard_alone(open_page, logged):
    page = open_page(viewport="desktop")
    _open_figures(page, logged, "ru")
    page.locator("body").focus()
    _focus_by_tab(page, "region")
    wanted = logged.region_b.name_ru
    for _ in range(10):
        if page.evaluate("document.activeElement.selectedOptions[0].text") == wanted:
            break
        page.keyboard.press("ArrowDown")
    _focus_by_tab(page, "")  # onwards to the button, past the other filters
    expect(page.locator(":focus")).to_have_text(t("ru", "Show figures"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(rf"region={logged.region_b.pk}"))
    expect(page.locator(".figures strong").first).to_have_text("2")
    caption = t("ru", "Consultations by center (open centers without any are listed too)")
    centers = page.get_by_role("table", name=caption)
    expect(centers).to_contain_text(logged.center_b1.name_ru)
    expect(centers).not_to_contain_text(logged.center_a1.name_ru)
    expect(page.get_by_label(t("ru", "Region"))).to_have_value(str(logged.region_b.pk))


def test_the_figures_download_as_csv_with_cyrillic_intact(open_page, logged):
    page = open_page(viewport="desktop")
    _open_figures(page, logged, "ru")
    with page.expect_download() as info:
        page.get_by_role("link", name=t("ru", "Download as CSV")).click()
    download = info.value
    assert download.suggested_filename.startswith("helpdesk-figures-")
    body = download.path().read_bytes()
    assert body.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))
    found = {(r["breakdown"], r["key"]): r for r in rows}
    assert found[("total", "consultations")]["count"] == "6"
    assert found[("category", "tax")]["label"] == "Налоговый кабинет и декларации"
    assert found[("referred_to", "Салык кызматы")]["count"] == "1"


def test_a_consultation_is_corrected_from_the_desks_list(open_page, logged):
    page = open_page(viewport="phone")
    sign_in(page, logged.users[Role.CENTER].username, lang="ru")
    page.goto("/ru/staff/helpdesk/")
    today = page.get_by_role("region", name=t("ru", "Today at this center"))
    referred = Consultation.objects.get(referred_to="ЦОН")
    expect(today.locator("tbody tr")).to_have_count(3)
    today.locator(f'a[href$="/{referred.pk}/edit/"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("ru", "Correct a consultation"))
    expect(page.get_by_label(t("ru", "To which agency?"))).to_have_value("ЦОН")
    check_accessibility(page)
    screenshot(page, "helpdesk-edit-ru-phone")

    page.locator('input[name="outcome"][value="resolved"]').check()
    page.locator('input[name="duration"][value="30"]').check()
    page.get_by_role("button", name=t("ru", "Save changes")).click()
    expect(page.locator(".messages")).to_be_visible()
    referred.refresh_from_db()
    assert (referred.outcome, referred.referred_to, referred.duration_minutes) == (
        "resolved",
        "",
        30,
    )
    assert referred.updated_by == logged.users[Role.CENTER]

    # Removing another one asks first, then it is gone from the list.
    remove = today.get_by_role("link", name=re.compile(t("ru", "Remove"))).first
    remove.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t("ru", "Remove this consultation?"))
    check_accessibility(page)
    screenshot(page, "helpdesk-remove-ru-phone")
    page.get_by_role("button", name=t("ru", "Yes, remove it")).click()
    today = page.get_by_role("region", name=t("ru", "Today at this center"))
    expect(today.locator("tbody tr")).to_have_count(2)
    assert Consultation.objects.filter(center=logged.center_a1).count() == 2
