"""A center manager logs help-desk consultations with the keyboard alone, in seconds."""

import pytest
from playwright.sync_api import Page, expect

from bilim.accounts.models import Role
from bilim.helpdesk.models import Consultation, ServiceCategory
from bilim.helpdesk.reference import categories_ensure
from tests.e2e.conftest import check_accessibility, screenshot, sign_in, t

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def _categories(transactional_db):
    categories_ensure()  # the live server's flush removed the migration's seed


class Keys:
    """Presses keys on the page and counts them: the desk must stay fast."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.count = 0

    def press(self, key: str, times: int = 1) -> None:
        for _ in range(times):
            self.page.keyboard.press(key)
            self.count += 1


def _expect_focus(page: Page, expected: str) -> None:
    """Wait (briefly) until the focused field is `name=value`: focus moves after page load."""
    page.wait_for_function(
        "e => document.activeElement"
        " && document.activeElement.name + '=' + document.activeElement.value === e",
        arg=expected,
        timeout=5000,
    )


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_a_consultation_is_logged_from_the_keyboard_alone(open_page, network, lang):
    page = open_page(viewport="desktop")
    sign_in(page, network.users[Role.CENTER].username, lang=lang)
    page.goto(f"/{lang}/staff/helpdesk/")
    categories = list(ServiceCategory.objects.order_by("position", "code"))
    keys = Keys(page)

    # The first service has the focus: arrows pick the third one.
    _expect_focus(page, f"category={categories[0].pk}")
    keys.press("ArrowDown", 2)
    # Tab passes the service's guides (one Enter would open them), then reaches the outcome
    # (resolved is chosen); one arrow: referred, and its field opens.
    keys.press("Tab")
    page.wait_for_function("document.activeElement.closest('#desk-guides') !== null", timeout=5000)
    keys.press("Tab")
    _expect_focus(page, "outcome=resolved")
    agency = page.get_by_label(t(lang, "To which agency?"))
    expect(agency).to_be_hidden()
    keys.press("ArrowDown")
    expect(agency).to_be_visible()
    keys.press("Tab")
    page.keyboard.type("ЦОН")  # typing the agency's name is not counted as navigation
    # Onwards to the duration: 15 minutes, then the channel stays "came to the center".
    keys.press("Tab")
    _expect_focus(page, "duration=10")
    keys.press("ArrowRight")
    keys.press("Enter")
    assert keys.count <= 16

    expect(page.locator(".messages")).to_contain_text(
        categories[2].name_ky if lang == "ky" else categories[2].name_ru
    )
    consultation = Consultation.objects.get()
    assert consultation.category == categories[2]
    assert (consultation.outcome, consultation.referred_to) == ("referred", "ЦОН")
    assert consultation.duration_minutes == 15
    assert consultation.channel == "walk_in"
    assert consultation.center == network.center_a1

    # The form is ready for the next person, the focus back on the first service.
    _expect_focus(page, f"category={categories[0].pk}")
    today = page.get_by_role("region", name=t(lang, "Today at this center"))
    expect(today.locator("tbody tr")).to_have_count(1)
    expect(today).to_contain_text("ЦОН")


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_desk_page_is_accessible_on_phone_and_desktop(open_page, network, lang, viewport):
    page = open_page(viewport=viewport)
    sign_in(page, network.users[Role.CENTER].username, lang=lang)
    page.goto(f"/{lang}/staff/helpdesk/")
    # One consultation sent without a reason: the error state must be accessible too.
    page.get_by_role("radio").first.check()
    page.locator('input[name="outcome"][value="not_resolved"]').check()
    page.get_by_role("button", name=t(lang, "Save consultation")).click()
    expect(page.locator(".error-summary")).to_be_visible()
    page.get_by_label(t(lang, "Why was it not resolved?")).fill("Портал иштеген жок")
    page.get_by_text(t(lang, "About the person (optional)")).click()
    page.get_by_role("button", name=t(lang, "Save consultation")).click()
    expect(page.locator(".messages")).to_be_visible()
    check_accessibility(page)
    page.get_by_text(t(lang, "About the person (optional)")).click()
    screenshot(page, f"helpdesk-{lang}-{viewport}")


def test_without_javascript_every_field_shows_and_the_server_checks(open_page, network):
    page = open_page(viewport="phone", java_script_enabled=False)
    sign_in(page, network.users[Role.CENTER].username, lang="ru")
    page.goto("/ru/staff/helpdesk/")
    expect(page.get_by_label(t("ru", "To which agency?"))).to_be_visible()
    page.get_by_role("radio").first.check()
    page.locator('input[name="outcome"][value="referred"]').check()
    page.get_by_role("button", name=t("ru", "Save consultation")).click()
    expect(page.locator(".error-summary")).to_be_visible()
    assert not Consultation.objects.exists()
