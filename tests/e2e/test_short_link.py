"""The short link of an SMS, tapped on a phone, opens the person's page in their language."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bilim.notifications.models import Message
from bilim.registrations.models import Registration
from bilim.registrations.services import Person, registration_create
from tests.e2e.conftest import check_accessibility, screenshot, t
from tests.scheduling.factories import OfferingFactory, SessionFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def offering(transactional_db, live_server, settings):
    settings.BILIM_SITE_URL = live_server.url
    start = timezone.now() + datetime.timedelta(days=4)
    return SessionFactory(
        offering=OfferingFactory(capacity=5),
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
    ).offering


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_the_link_in_the_sms_opens_the_personal_page(open_page, offering, lang):
    registration = registration_create(
        offering=offering,
        person=Person(name="Айгүл Осмонова", phone="0555 123 456", sex="female", language=lang),
        channel=Registration.Channel.WEB,
    ).registration
    sms = Message.objects.get(channel=Message.Channel.SMS, kind="confirmation")
    [link] = re.findall(r"https?://\S+", sms.body)
    assert "/m/" in link

    page = open_page(link, viewport="phone")
    expect(page).to_have_url(re.compile(rf"/{lang}/my/{registration.token}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Your registration"))
    check_accessibility(page)
    screenshot(page, f"short-link-personal-{lang}-phone")


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_too_many_wrong_links_are_refused_with_a_way_forward(open_page, offering, settings, lang):
    settings.SHORT_LINK_MISS_RATE = "1/h"
    page = open_page(None, viewport="phone", locale=lang)
    page.goto("/m/zzzzzzzz")
    answer = page.goto("/m/yyyyyyyy")
    assert answer is not None and answer.status == 429
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Too many tries"))
    check_accessibility(page)
    screenshot(page, f"short-link-limit-{lang}-phone")
