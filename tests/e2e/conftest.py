"""Browser tests: Debian Chromium, driven by Playwright, against pytest-django's live server.

Every test here runs against ``live_server``, so its database is flushed when the test
ends: create data inside the test or in a function-scoped fixture (``network``).
"""

from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import Page, expect

from tests.conftest import PASSWORD

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parents[1]
AXE_JS = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = REPO_ROOT / "var" / "screenshots"

LANGS = ["ky", "ru", "en"]
VIEWPORTS = {
    "phone": {"width": 360, "height": 740},
    "desktop": {"width": 1280, "height": 900},
}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]


def pytest_collection_modifyitems(config, items):
    """Mark the tests under tests/e2e (and only those) as ``e2e``."""
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # `playwright install` cannot download browsers here: always use Debian's Chromium.
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {
        **browser_context_args,
        "base_url": live_server.url,
        "bypass_csp": True,  # lets check_accessibility inject axe-core under any CSP
        "locale": "ky-KG",
        "viewport": VIEWPORTS["desktop"],
    }


@pytest.fixture
def open_page(browser, browser_context_args):
    """Open a page in a fresh browser context: ``open_page("/ky/", viewport="phone")``.

    Keyword arguments override the context options (``locale``,
    ``java_script_enabled``...); every context is closed when the test ends.
    """
    contexts = []

    def _open(path=None, *, viewport="desktop", **context_args):
        options = {**browser_context_args, "viewport": VIEWPORTS[viewport], **context_args}
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        if path is not None:
            page.goto(path)
        return page

    yield _open
    for context in contexts:
        context.close()


def t(lang, message):
    """The site's own translation of an interface string (or lazy label) in ``lang``."""
    with translation.override(lang):
        return translation.gettext(message) if isinstance(message, str) else str(message)


def sign_in(page: Page, username, password=PASSWORD, lang="ky"):
    """Fill and submit the staff sign-in form the way a person would."""
    page.goto(f"/{lang}/staff/sign-in/")
    page.get_by_label(t(lang, "User name"), exact=True).fill(username)
    page.get_by_label(t(lang, "Password"), exact=True).fill(password)
    page.get_by_role("button", name=t(lang, "Sign in"), exact=True).click()


def check_accessibility(page: Page):
    """Run axe-core on the page and fail with a readable list of violations."""
    expect(page.locator("body")).to_be_visible()
    page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
    )
    violations = results["violations"]
    lines = [
        f"- {v['id']} ({v['impact']}): {v['help']}; "
        f"{len(v['nodes'])} element(s), first: "
        + ", ".join(" ".join(map(str, node["target"])) for node in v["nodes"][:3])
        for v in violations
    ]
    assert not violations, f"axe found {len(violations)} violation(s) on {page.url}:\n" + (
        "\n".join(lines)
    )


def screenshot(page: Page, name):
    """Save a full-page PNG as var/screenshots/<name>.png and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
