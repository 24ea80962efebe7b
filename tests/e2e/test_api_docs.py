"""The API documentation opens on a network that reaches nothing but the site itself."""

from urllib.parse import urlsplit

from playwright.sync_api import expect

from .conftest import screenshot


def test_the_api_docs_list_the_operations_with_other_hosts_blocked(open_page, live_server):
    page = open_page()
    site = urlsplit(live_server.url).netloc
    blocked = []

    def only_the_site(route):
        if urlsplit(route.request.url).netloc == site:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.context.route("**/*", only_the_site)
    page.goto("/api/v1/docs")

    for path in ("/api/v1/geography/regions", "/api/v1/centers", "/api/v1/programs"):
        expect(page.locator(".opblock-summary-path", has_text=path).first).to_be_visible()
    assert blocked == []
    screenshot(page, "api-docs-offline-desktop")
