"""A center manager sees the SMS that could not be sent, with how many parts each takes."""

import pytest
from django.utils import timezone, translation
from playwright.sync_api import expect

from bilim.accounts.models import Role
from bilim.notifications.models import Message
from tests.e2e.conftest import check_accessibility, screenshot, sign_in, t

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("lang", "viewport"), [("ky", "phone"), ("ru", "phone"), ("en", "desktop")]
)
def test_failed_sms_are_listed_with_their_parts(open_page, network, lang, viewport):
    body = "Сиз катталдыңыз: Санариптик сабаттуулук 50+: телефон жана интернет менен…"
    Message.objects.create(
        channel=Message.Channel.SMS,
        recipient="+996555000001",
        body=body * 2,
        segments=3,
        kind="confirmation",
        center=network.center_a1,
        status=Message.Status.FAILED,
        attempts=6,
        last_error="SmsTemporaryError: HTTP 503",
        next_attempt_at=timezone.now(),
    )
    page = open_page(viewport=viewport)
    sign_in(page, network.users[Role.CENTER].username, lang=lang)
    page.goto(f"/{lang}/staff/messages/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        t(lang, "Messages that could not be sent")
    )
    expect(page.locator("table")).to_contain_text("+996555000001")
    with translation.override(lang):
        parts = translation.ngettext("%(counter)s SMS part", "%(counter)s SMS parts", 3)
    expect(page.locator("table")).to_contain_text(parts % {"counter": 3})
    check_accessibility(page)
    screenshot(page, f"message-trouble-{lang}-{viewport}")
