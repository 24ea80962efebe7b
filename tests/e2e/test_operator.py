"""A call-center operator takes a call: finds a group by district and date with the keyboard
only, registers a 70-year-old, reads out the check-in code, then looks the person up."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from bilim.accounts.models import Role
from bilim.registrations.models import Registration
from tests.e2e.conftest import VIEWPORTS, check_accessibility, screenshot, sign_in, t
from tests.scheduling.factories import OfferingFactory, SessionFactory

pytestmark = pytest.mark.e2e


def _offering(center, program, days: int):
    start = timezone.now() + datetime.timedelta(days=days)
    return SessionFactory(
        offering=OfferingFactory(center=center, program=program, capacity=12),
        starts_at=start.replace(hour=10, minute=0, second=0, microsecond=0),
        ends_at=start.replace(hour=12, minute=0, second=0, microsecond=0),
    ).offering


def _tab_to(page: Page, name: str, limit: int = 40) -> None:
    """Press Tab until the element with this accessible name has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => { const e = document.activeElement;"
            " const label = e.labels && e.labels.length ? e.labels[0].textContent : null;"
            " return (label || e.getAttribute('aria-label') || e.textContent || '').trim(); }"
        )
        if focused.startswith(name):
            return
    raise AssertionError(f"{name!r} cannot be reached with the Tab key")


def _tab_to_id(page: Page, element_id: str, limit: int = 3) -> None:
    # Chromium's date fields hold a focusable calendar button after the year.
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} is not next in the Tab order")


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_an_operator_registers_a_caller_with_the_keyboard(open_page, network, lang):
    program = network.own_program
    wanted = _offering(network.center_a1, program, days=3)
    _offering(network.center_a1, program, days=12)  # same district, other dates
    _offering(network.center_b1, program, days=3)  # same dates, other district
    district = wanted.center.district
    day = timezone.localdate(wanted.first_starts_at)
    operator = network.users[Role.OPERATOR]

    # The date inputs take keystrokes in the order of the browser's locale: US here.
    page = open_page(viewport="desktop", locale="en-US")
    sign_in(page, operator.username, lang=lang)
    page.goto(f"/{lang}/staff/operator/")
    check_accessibility(page)

    # The district list has the focus as soon as the page opens. (Typing a Cyrillic name
    # would pick it too, but Playwright inserts such text rather than pressing keys.)
    expect(page.get_by_label(t(lang, "District or city"), exact=True)).to_be_focused()
    page.keyboard.press("ArrowDown")  # the first district of the first region
    expect(page.get_by_label(t(lang, "District or city"), exact=True)).to_have_value(
        str(district.pk)
    )
    for field in ("date_from", "date_to"):
        _tab_to_id(page, f"id_{field}")
        page.keyboard.type(day.strftime("%m%d%Y"))
    expect(page.get_by_label(t(lang, "Until"), exact=True)).to_have_value(day.isoformat())
    page.keyboard.press("Enter")

    rows = page.locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(getattr(program, f"title_{lang}"))
    check_accessibility(page)
    screenshot(page, f"operator-find-{lang}-desktop")
    page.set_viewport_size(VIEWPORTS["desktop"])

    _tab_to(page, t(lang, "Register a person"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Register a person"))
    name = page.get_by_label(t(lang, "Full name"), exact=True)
    expect(name).to_be_focused()
    page.keyboard.type("Сайра Бообекова")
    page.keyboard.press("Tab")
    page.keyboard.type("0555 70 19 55")
    page.keyboard.press("Tab")
    page.keyboard.type(str(timezone.localdate().year - 70))
    page.keyboard.press("Tab")  # the first answer about sex: "Woman"
    page.keyboard.press("Space")
    check_accessibility(page)
    _tab_to(page, t(lang, "I read out the consent text and the person agreed"))
    page.keyboard.press("Space")
    screenshot(page, f"operator-register-{lang}-desktop")
    page.set_viewport_size(VIEWPORTS["desktop"])
    name.focus()
    page.keyboard.press("Enter")  # Enter in any field sends the form

    expect(page.get_by_role("heading", level=1)).to_have_text(
        t(lang, "Registered: the person has a place")
    )
    registration = Registration.objects.get()
    code = registration.short_code
    expect(page.locator(".code")).to_have_text(f"{code[:4]} {code[4:]}")
    check_accessibility(page)
    screenshot(page, f"operator-done-{lang}-desktop")
    assert registration.participant.birth_year == timezone.localdate().year - 70
    assert registration.participant.sex == "female"
    assert registration.channel == Registration.Channel.PHONE
    assert registration.entered_by == operator
    assert registration.offering == wanted

    page.set_viewport_size(VIEWPORTS["desktop"])
    page.get_by_role("link", name=t(lang, "All registrations of this person")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Сайра Бообекова")
    check_accessibility(page)
    page.get_by_role("link", name=t(lang, "Move")).first.click()
    expect(page.get_by_role("radio")).to_have_count(2)  # the other groups of the program
    check_accessibility(page)
    screenshot(page, f"operator-move-{lang}-desktop")


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_the_console_on_a_phone(open_page, network, lang):
    offering = _offering(network.center_a1, network.own_program, days=2)
    manager = network.users[Role.CENTER]
    page = open_page(viewport="phone")
    sign_in(page, manager.username, lang=lang)

    page.goto(f"/{lang}/staff/operator/?free=on")
    check_accessibility(page)
    screenshot(page, f"operator-find-{lang}-phone")

    page.goto(f"/{lang}/staff/operator/offerings/{offering.pk}/register/")
    page.get_by_role("button", name=t(lang, "Register"), exact=True).click()
    expect(page.locator(".error-summary")).to_be_visible()
    check_accessibility(page)
    screenshot(page, f"operator-register-errors-{lang}-phone")
    page.set_viewport_size(VIEWPORTS["phone"])

    page.get_by_label(t(lang, "Full name"), exact=True).fill("Эрмек Алымбеков")
    page.get_by_label(t(lang, "Mobile phone"), exact=True).fill("+996 700 11 22 33")
    page.get_by_label(t(lang, "Man"), exact=True).check()
    walk_in = t(lang, "walk-in")
    page.get_by_label(walk_in[:1].upper() + walk_in[1:], exact=True).check()
    page.get_by_label(t(lang, "I read out the consent text and the person agreed")).check()
    page.get_by_role("button", name=t(lang, "Register"), exact=True).click()
    expect(page.locator(".code")).to_be_visible()
    check_accessibility(page)
    screenshot(page, f"operator-done-{lang}-phone")

    page.goto(f"/{lang}/staff/operator/people/?q=0700112233")
    expect(page.get_by_role("heading", level=3)).to_have_text("Эрмек Алымбеков")
    check_accessibility(page)
    screenshot(page, f"operator-people-{lang}-phone")
    page.set_viewport_size(VIEWPORTS["phone"])
    page.get_by_role("link", name=t(lang, "Cancel")).first.click()
    check_accessibility(page)
    page.get_by_role("button", name=t(lang, "Yes, cancel the registration")).click()
    expect(page.locator(".status-cancelled")).to_be_visible()
    assert Registration.objects.get().status == Registration.Status.CANCELLED
