"""The public pages as visitors use them: languages, keyboard, no JavaScript, sign-in errors."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import LANGS, check_accessibility, screenshot, sign_in, t

HERO = "Learn, get help with state e-services, meet and debate: free, near you"
TAGLINE = "Civic and Digital Education Centers"
LANGUAGE_NAMES = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}


def language_link(page, lang, name):
    nav = page.get_by_role("navigation", name=t(lang, "Language"), exact=True)
    return nav.get_by_role("link", name=name, exact=True)


def focused(page):
    """What a keyboard user is on: the focused element's tag, href, hreflang and id."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {
                tag: el.tagName.toLowerCase(),
                href: el.getAttribute('href'),
                hreflang: el.getAttribute('hreflang'),
                id: el.id,
                inMain: Boolean(el.closest('main')),
            };
        }"""
    )


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_home_page_in_each_language_and_width(open_page, network, lang, viewport):
    page = open_page(f"/{lang}/", viewport=viewport)

    expect(page.locator("html")).to_have_attribute("lang", lang)
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_be_visible()
    expect(heading).to_have_text(t(lang, HERO))
    # The heading is really in this language, not the same text in every language.
    for other in LANGS:
        if other != lang:
            expect(heading).not_to_have_text(t(other, HERO))
    expect(page.locator(".brand-tagline")).to_have_text(t(lang, TAGLINE))
    for code, name in LANGUAGE_NAMES.items():
        expect(language_link(page, lang, name)).to_be_visible()
        expect(language_link(page, lang, name)).to_have_attribute("hreflang", code)
    # The network's data is shown: its programs and its regions.
    expect(page.get_by_text(getattr(network.own_program, f"title_{lang}"))).to_be_visible()
    expect(page.get_by_role("link", name=getattr(network.region_a, f"name_{lang}"))).to_be_visible()

    screenshot(page, f"home-{lang}-{viewport}")
    check_accessibility(page)


def test_language_switch_keeps_the_home_page(page, network, live_server):
    page.goto("/ky/")
    language_link(page, "ky", "Русский").click()

    expect(page).to_have_url(f"{live_server.url}/ru/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("ru", HERO))
    expect(language_link(page, "ru", "Русский")).to_have_attribute("aria-current", "true")


def test_language_switch_keeps_the_sign_in_page(page, live_server):
    page.goto("/en/staff/sign-in/")
    language_link(page, "en", "Кыргызча").click()

    expect(page).to_have_url(f"{live_server.url}/ky/staff/sign-in/")
    expect(page.locator("html")).to_have_attribute("lang", "ky")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("ky", "Staff sign-in"))


@pytest.mark.parametrize(("locale", "lang"), [("ru-RU", "ru"), ("ky-KG", "ky"), ("en-US", "en")])
def test_root_redirects_to_the_browser_language(open_page, live_server, locale, lang):
    page = open_page("/", locale=locale)

    expect(page).to_have_url(f"{live_server.url}/{lang}/")
    expect(page.locator("html")).to_have_attribute("lang", lang)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, network, live_server):
    page.goto("/ky/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name=t("ky", "Skip to main content"), exact=True)
    expect(skip).to_be_focused()
    expect(skip).to_have_attribute("href", "#main")
    expect(skip).to_be_in_viewport()  # hidden off-screen until focused, then shown

    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/ky/#main")
    expect(page.locator("main#main")).to_be_focused()
    # The next Tab lands inside the main content: the header was skipped.
    page.keyboard.press("Tab")
    assert focused(page)["inMain"]


def test_tab_reaches_the_language_links_and_staff_sign_in(page, network, live_server):
    page.goto("/ky/")
    sign_in_href = "/ky/staff/sign-in/"

    stops = []
    for _ in range(20):
        page.keyboard.press("Tab")
        stops.append(focused(page))
        if stops[-1]["href"] == sign_in_href:
            break

    languages = [stop["hreflang"] for stop in stops if stop["hreflang"]]
    assert languages == ["ky", "ru", "en"], stops
    assert stops[-1]["href"] == sign_in_href, stops
    sign_in_link = page.get_by_role("link", name=t("ky", "Staff sign-in"), exact=True)
    expect(sign_in_link).to_be_focused()

    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}{sign_in_href}")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("ky", "Staff sign-in"))


def test_site_works_without_javascript(open_page, network, live_server):
    page = open_page("/ky/", java_script_enabled=False)

    expect(page.get_by_role("heading", level=1)).to_have_text(t("ky", HERO))
    for name in LANGUAGE_NAMES.values():
        expect(language_link(page, "ky", name)).to_be_visible()
    language_link(page, "ky", "Русский").click()
    expect(page).to_have_url(f"{live_server.url}/ru/")

    sign_in(page, "nat", lang="ru")
    expect(page).to_have_url(f"{live_server.url}/ru/staff/")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        network.users["national"].get_full_name()
    )


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_sign_in_page_is_accessible(page, lang):
    page.goto(f"/{lang}/staff/sign-in/")

    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Staff sign-in"))
    expect(page.get_by_label(t(lang, "User name"), exact=True)).to_be_editable()
    expect(page.get_by_label(t(lang, "Password"), exact=True)).to_be_editable()
    check_accessibility(page)


def test_sign_in_error_is_explained_and_keeps_the_user_name(open_page, network, live_server):
    page = open_page(viewport="phone")
    sign_in(page, "nat", password="wrong horse battery", lang="ky")

    expect(page).to_have_url(re.compile(r"/ky/staff/sign-in/$"))
    summary = page.get_by_role("alert")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("heading")).to_have_text(t("ky", "There is a problem"))
    expect(summary).to_contain_text(
        t(
            "ky",
            "The user name or the password is not right. Check both and try again; "
            "the password is case-sensitive.",
        )
    )
    expect(page.get_by_label(t("ky", "User name"), exact=True)).to_have_value("nat")
    expect(page.get_by_label(t("ky", "Password"), exact=True)).to_have_value("")

    screenshot(page, "signin-error-ky-phone")
    check_accessibility(page)


# A quarter of the first screen of a 360 × 740 phone.
HEADER_BUDGET = 740 / 4


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_phone_header_takes_a_quarter_of_the_screen_and_its_menu_opens_without_script(
    open_page, network, lang
):
    page = open_page(f"/{lang}/", viewport="phone", java_script_enabled=False)
    header = page.locator(".site-header")
    menu = page.get_by_text(t(lang, "Menu"), exact=True)
    nav = page.get_by_role("navigation", name=t(lang, "Main"), exact=True)
    expect(nav).to_be_hidden()
    screenshot(page, f"header-closed-{lang}-phone")
    assert header.bounding_box()["height"] <= HEADER_BUDGET
    screenshot(page, f"header-closed-{lang}-phone")

    menu.click()
    programs = nav.get_by_role("link", name=t(lang, "Programs"), exact=True)
    expect(programs).to_be_visible()
    screenshot(page, f"header-open-{lang}-phone")
    programs.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Programs"))


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_phone_menu_opens_with_the_keyboard_and_shows_its_focus(open_page, network, lang):
    page = open_page(f"/{lang}/", viewport="phone")
    button = page.locator("summary.menu-button")
    for _ in range(10):
        page.keyboard.press("Tab")
        if button.evaluate("el => el === document.activeElement"):
            break
    expect(button).to_be_focused()
    outline = button.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline not in ("", "none")
    page.keyboard.press("Enter")
    nav = page.get_by_role("navigation", name=t(lang, "Main"), exact=True)
    expect(nav.get_by_role("link", name=t(lang, "Programs"), exact=True)).to_be_visible()
    check_accessibility(page)
    # The language links sit between the button and the menu it opened.
    home = nav.get_by_role("link", name=t(lang, "Home"), exact=True)
    for _ in range(4):
        page.keyboard.press("Tab")
    expect(home).to_be_focused()


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_desktop_menu_stays_open_in_one_row(open_page, network, lang):
    page = open_page(f"/{lang}/", viewport="desktop")
    expect(page.locator("summary.menu-button")).to_be_hidden()
    nav = page.get_by_role("navigation", name=t(lang, "Main"), exact=True)
    links = nav.get_by_role("link")
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1, tops
    screenshot(page, f"header-{lang}-desktop")


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_home_page_program_title_opens_the_program(open_page, network, lang):
    page = open_page(f"/{lang}/", viewport="phone")
    title = getattr(network.own_program, f"title_{lang}")
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
