"""The national office reads the admin and finds nothing to change but a password."""

import pytest
from playwright.sync_api import expect

from .conftest import screenshot, sign_in


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_the_national_office_reads_a_center_and_a_user_in_the_admin(
    open_page, network, lang, viewport
):
    page = open_page(viewport=viewport)
    sign_in(page, "nat", lang=lang)
    page.goto(f"/{lang}/admin/centers/center/{network.center_a1.pk}/change/")
    expect(page.locator("#content-main")).to_contain_text(network.center_a1.code)
    expect(
        page.locator("#content-main input:not([type=hidden]), #content-main select")
    ).to_have_count(0)
    expect(page.locator("#content-main textarea")).to_have_count(0)
    screenshot(page, f"admin-center-{lang}-{viewport}")

    page.goto(f"/{lang}/admin/accounts/user/{network.users['center'].pk}/change/")
    expect(page.locator("#content-main input:not([type=hidden])")).to_have_count(0)
    page.locator("a.button[href='../password/']").click()
    expect(page.locator("input[type=password]")).to_have_count(2)
    screenshot(page, f"admin-user-password-{lang}-{viewport}")
