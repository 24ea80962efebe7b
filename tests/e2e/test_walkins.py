"""The walk-in queue in a browser: the desk console from the keyboard, the hall screen
updating itself, and every page accessible in Kyrgyz and Russian, on a phone and a TV."""

import pytest
from playwright.sync_api import Page, expect

from bilim.accounts.models import Role
from bilim.helpdesk.models import ServiceCategory
from bilim.helpdesk.reference import categories_ensure
from bilim.walkins.models import Ticket
from bilim.walkins.services import ticket_call_next, ticket_finish, ticket_take
from tests.e2e.conftest import check_accessibility, screenshot, sign_in, t

pytestmark = pytest.mark.e2e

TV = {"width": 1280, "height": 720}


@pytest.fixture(autouse=True)
def _categories(transactional_db):
    categories_ensure()  # the live server's flush removed the migration's seed


def _focused_text(page: Page) -> str:
    return str(page.evaluate("() => (document.activeElement.innerText || '').trim()"))


def _tab_to(page: Page, text: str, limit: int = 40) -> int:
    """Press Tab until the element whose text starts with `text` has the focus."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if _focused_text(page).startswith(text):
            return presses
    raise AssertionError(f"{text!r} was not reached with {limit} presses of Tab")


def _busy_queue(network):
    """Three desks serving, the last call a moment ago, nine people waiting."""
    center = network.center_a1
    manager = network.users[Role.CENTER]
    categories = list(ServiceCategory.objects.order_by("position")[:3])
    for index in range(13):
        ticket_take(center=center, category=categories[index % 3] if index % 4 else None)
    served = ticket_call_next(center=center, desk="2", user=manager)
    ticket_finish(center=center, ticket=served, outcome="served")
    ticket_call_next(center=center, desk="2", user=manager)
    ticket_call_next(center=center, desk="10", user=manager)
    ticket_call_next(center=center, desk="1", user=manager)
    return center


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_take_a_number_and_call_it_with_the_keyboard_alone(open_page, network, lang):
    page = open_page(viewport="desktop")
    sign_in(page, network.users[Role.CENTER].username, lang=lang)
    page.goto(f"/{lang}/staff/queue/")
    presses = _tab_to(page, t(lang, "Take a number"))
    page.keyboard.press("Enter")

    # The new number has the focus, large; the slip to print is the next stop.
    new = page.locator("#new-number")
    expect(new).to_be_focused()
    expect(new.locator(".number-big")).to_have_text("001")
    page.keyboard.press("Tab")
    assert _focused_text(page).startswith(t(lang, "Print slip"))
    page.keyboard.press("Tab")
    desk = page.get_by_label(t(lang, "Your desk"))
    expect(desk).to_be_focused()
    expect(desk).to_have_value("1")
    page.keyboard.press("Tab")
    assert _focused_text(page) == t(lang, "Call next")
    page.keyboard.press("Enter")

    # Called to desk 1: "Served" has the focus, and one key ends the visit.
    expect(page.locator("#mine-number")).to_have_text("001")
    served = page.get_by_role("button", name=t(lang, "Served"))
    expect(served).to_be_focused()
    assert Ticket.objects.get().status == Ticket.Status.CALLED
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name=t(lang, "Log the consultation"))).to_be_visible()
    expect(page.get_by_role("button", name=t(lang, "Call next"))).to_be_focused()
    ticket = Ticket.objects.get()
    assert (ticket.status, ticket.desk) == (Ticket.Status.SERVED, "1")
    assert presses <= 25


def test_the_hall_screen_updates_itself_without_reloading(open_page, network):
    center = network.center_a1
    ticket_take(center=center)
    ticket_take(center=center)
    screen = open_page(f"/ru/centers/{center.code}/queue/screen/")
    screen.set_viewport_size(TV)
    expect(screen.get_by_text(t("ru", "No number is called yet."))).to_be_visible()
    screen.evaluate("window.marker = 1")

    desk = open_page(viewport="desktop")
    sign_in(desk, network.users[Role.CENTER].username, lang="ru")
    desk.goto("/ru/staff/queue/")
    desk.get_by_label(t("ru", "Your desk")).fill("3")
    desk.get_by_role("button", name=t("ru", "Call next")).click()
    expect(desk.locator("#mine-number")).to_have_text("001")

    # Within a poll or two the screen shows it, highlighted, and says it to screen readers.
    row = screen.locator(".serving-table .just-called")
    expect(row).to_contain_text("001", timeout=12_000)
    expect(row).to_contain_text("3")
    expect(screen.locator("#hall-announce")).to_contain_text("001")
    expect(screen.locator(".next-list li")).to_have_text(["002"])
    assert screen.evaluate("window.marker") == 1, "the page was reloaded"

    # "Call again" is announced again; still no reload.
    screen.evaluate("document.getElementById('hall-announce').textContent = ''")
    desk.get_by_role("button", name=t("ru", "Call again")).click()
    expect(screen.locator("#hall-announce")).to_contain_text("001", timeout=12_000)
    assert screen.evaluate("window.marker") == 1


def test_the_desk_sees_numbers_taken_elsewhere_without_reloading(open_page, network):
    center = network.center_a1
    ticket_take(center=center)
    desk = open_page(viewport="desktop")
    sign_in(desk, network.users[Role.CENTER].username, lang="ru")
    desk.goto("/ru/staff/queue/")
    expect(desk.locator("#waiting tbody tr")).to_have_count(1)
    desk.evaluate("window.marker = 1")

    ticket_take(center=center)  # at the reception, or on another desk's screen
    expect(desk.locator("#waiting tbody tr")).to_have_count(2, timeout=20_000)
    expect(desk.locator("#queue-figures")).to_contain_text("2")
    assert desk.evaluate("window.marker") == 1, "the page was reloaded"


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_the_hall_screen_fits_a_tv_and_a_phone_and_is_accessible(open_page, network, lang):
    center = _busy_queue(network)
    screen = open_page(f"/{lang}/centers/{center.code}/queue/screen/")
    screen.set_viewport_size(TV)
    expect(screen.locator(".just-called")).to_be_visible()
    check_accessibility(screen)
    size = screen.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
    )
    screenshot(screen, f"walkins-screen-{lang}-tv")
    assert size[0] <= TV["width"] and size[1] <= TV["height"], f"does not fit the TV: {size}"

    phone = open_page(f"/{lang}/centers/{center.code}/queue/screen/", viewport="phone")
    check_accessibility(phone)
    width = phone.evaluate("() => document.documentElement.scrollWidth")
    screenshot(phone, f"walkins-screen-{lang}-phone")
    assert width <= 360, f"scrolls sideways on a phone: {width}px"


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_console_is_accessible_on_phone_and_desktop(open_page, network, lang, viewport):
    _busy_queue(network)
    page = open_page(viewport=viewport)
    sign_in(page, network.users[Role.CENTER].username, lang=lang)
    page.goto(f"/{lang}/staff/queue/")
    # No desk given: the error state must be accessible too. (The field stops typing at
    # ten characters; the server's own limit is tested over HTTP.)
    page.get_by_role("button", name=t(lang, "Served"), exact=True).click()
    page.get_by_label(t(lang, "Your desk")).fill(" ")
    page.get_by_role("button", name=t(lang, "Call next")).click()
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label(t(lang, "Your desk"))).to_have_attribute("maxlength", "10")
    check_accessibility(page)
    page.get_by_label(t(lang, "Your desk")).fill("1")
    page.get_by_role("button", name=t(lang, "Call next")).click()
    page.get_by_role("button", name=t(lang, "Take a number")).click()
    expect(page.locator("#new-number")).to_be_visible()
    check_accessibility(page)
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"scrolls sideways: {width}px"
    screenshot(page, f"walkins-console-{lang}-{viewport}")


def test_the_slip_prints_alone_and_the_citizen_follows_on_a_phone(open_page, network):
    center = network.center_a1
    ticket_take(center=center)
    ticket = ticket_take(center=center)
    page = open_page(viewport="desktop")
    sign_in(page, network.users[Role.CENTER].username, lang="ky")
    page.goto(f"/ky/staff/queue/tickets/{ticket.pk}/slip/")
    expect(page.locator("#slip-number")).to_have_text("002")
    expect(page.get_by_role("button", name=t("ky", "Print"))).to_be_visible()
    check_accessibility(page)
    screenshot(page, "walkins-slip-ky")
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.get_by_role("button", name=t("ky", "Print"))).to_be_hidden()
    screenshot(page, "walkins-slip-ky-print")

    phone = open_page(f"/ky/q/{ticket.code}/", viewport="phone")
    expect(phone.locator(".ticket-facts")).to_contain_text("1")
    check_accessibility(phone)
    screenshot(phone, "walkins-ticket-ky-phone")
    phone.evaluate("window.marker = 1")
    ticket_call_next(center=center, desk="1", user=None)
    ticket_finish(center=center, ticket=Ticket.objects.get(number=1), outcome="served")
    ticket_call_next(center=center, desk="2", user=None)
    expect(phone.locator(".your-turn")).to_be_visible(timeout=15_000)
    expect(phone.locator("#ticket-announce")).to_contain_text("002")
    assert phone.evaluate("window.marker") == 1
    check_accessibility(phone)
    screenshot(phone, "walkins-ticket-ky-phone-called")


def test_without_javascript_numbers_are_taken_and_called(open_page, network):
    page = open_page(viewport="phone", java_script_enabled=False)
    sign_in(page, network.users[Role.CENTER].username, lang="ru")
    page.goto("/ru/staff/queue/")
    page.get_by_role("button", name=t("ru", "Take a number")).click()
    expect(page.locator("#new-number .number-big")).to_have_text("001")
    page.get_by_role("button", name=t("ru", "Call next")).click()
    expect(page.locator("#mine-number")).to_have_text("001")
    assert Ticket.objects.get().status == Ticket.Status.CALLED
