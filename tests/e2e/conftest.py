"""Browser tests: Debian Chromium, driven by Playwright, against pytest-django's live server.

Every test here runs against ``live_server``, so its database is flushed when the test
ends: create data inside the test or in a function-scoped fixture (``network``).
"""

import contextlib
from pathlib import Path

import pytest
from django.utils import translation
from playwright.sync_api import Browser, BrowserContext, Error, Page, expect

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


# Every id that an aria-describedby, aria-labelledby, aria-controls or label[for] of the
# page names but no element has: a screen reader then reads no hint, error or name at all.
# axe only lists these as "needs review", so they are checked directly.
MISSING_REFERENCES_JS = """() => {
    const missing = [];
    const where = el => '<' + el.tagName.toLowerCase()
        + (el.id ? ' id="' + el.id + '"' : el.name ? ' name="' + el.name + '"' : '') + '>';
    for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls']) {
        for (const el of document.querySelectorAll('[' + attr + ']')) {
            for (const id of el.getAttribute(attr).split(/\\s+/).filter(Boolean)) {
                if (document.getElementById(id)) continue;
                missing.push(attr + '="' + id + '" on ' + where(el));
            }
        }
    }
    for (const label of document.querySelectorAll('label[for]')) {
        const id = label.getAttribute('for');
        if (!document.getElementById(id)) missing.push('for="' + id + '" on <label>');
    }
    return missing;
}"""
# Run in the page itself after each htmx swap, which fires no "load" event.
REPORT_AFTER_SWAPS_JS = (
    "document.addEventListener('htmx:afterSettle', () =>"
    f" window.bilimMissingReferences(({MISSING_REFERENCES_JS})()));"
)


class MissingReferences:
    """Record, page by page, the ids that the pages of a test's browser contexts name in vain."""

    def __init__(self) -> None:
        self.found: dict[str, list[str]] = {}

    def watch(self, context: BrowserContext) -> None:
        context.expose_binding(
            "bilimMissingReferences", lambda source, missing: self.add(source["page"].url, missing)
        )
        context.add_init_script(REPORT_AFTER_SWAPS_JS)
        context.on("page", lambda page: page.on("load", self.check))

    def check(self, page: Page) -> None:
        # When the test has already gone on to the next page, that one is checked in turn.
        with contextlib.suppress(Error):
            self.add(page.url, page.evaluate(MISSING_REFERENCES_JS))

    def add(self, url: str, missing: list[str]) -> None:
        for item in missing:
            if item not in self.found.setdefault(url, []):
                self.found[url].append(item)

    def report(self) -> str:
        return "\n".join(
            f"{url}:\n" + "\n".join(f"  - {item}" for item in items)
            for url, items in self.found.items()
            if items
        )


@pytest.fixture(autouse=True)
def _no_missing_references(monkeypatch):
    """Fail any browser test that opened a page whose references point at nothing.

    Every context the test creates (``open_page``, pytest-playwright's ``page``, a browser
    of its own) is watched: each page is checked when it loads and after each htmx swap.
    """
    references = MissingReferences()
    new_context = Browser.new_context

    def watched_context(self, *args, **kwargs):
        context = new_context(self, *args, **kwargs)
        references.watch(context)
        return context

    monkeypatch.setattr(Browser, "new_context", watched_context)
    yield references
    if report := references.report():
        pytest.fail(f"ids named by the page that no element has:\n{report}", pytrace=False)


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
    """Run axe-core on the page and fail with a readable list of violations.

    First check that every id the page names in aria-describedby, aria-labelledby,
    aria-controls and label[for] exists, which axe only lists as "needs review".
    """
    expect(page.locator("body")).to_be_visible()
    missing = page.evaluate(MISSING_REFERENCES_JS)
    assert not missing, f"ids named by {page.url} that no element has:\n" + "\n".join(missing)
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
