"""The catalog in Debian's Chromium: search across languages, filters, nearest offerings."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from bilim.scheduling.models import Offering
from tests.catalog.conftest import build_catalog
from tests.scheduling.factories import OfferingFactory, SessionFactory

from .conftest import LANGS, check_accessibility, screenshot, t

pytestmark = pytest.mark.e2e


@pytest.fixture
def catalog(transactional_db):
    return build_catalog()


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("lang", LANGS)
def test_catalog_and_program_page_in_each_language(open_page, catalog, lang, viewport):
    page = open_page(f"/{lang}/programs/", viewport=viewport)
    expect(page.get_by_role("heading", level=1)).to_have_text(t(lang, "Programs"))
    title = getattr(catalog.voters, f"title_{lang}")
    expect(page.get_by_role("link", name=title, exact=True)).to_be_visible()
    check_accessibility(page)
    screenshot(page, f"catalog-{lang}-{viewport}")

    page.get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page.locator(".offering")).to_have_count(3)
    check_accessibility(page)
    screenshot(page, f"catalog-program-{lang}-{viewport}")


def test_a_word_in_russian_finds_the_program_on_the_kyrgyz_page(open_page, catalog):
    lang = "ky"
    page = open_page(f"/{lang}/programs/", viewport="phone")
    page.get_by_label(t(lang, "Search"), exact=True).fill("избирателя")
    page.get_by_role("button", name=t(lang, "Search"), exact=True).click()
    expect(page.get_by_role("link", name=catalog.voters.title_ky, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=catalog.digital.title_ky, exact=True)).to_have_count(0)
    expect(page.get_by_label(t(lang, "Search"), exact=True)).to_have_value("избирателя")
    screenshot(page, "catalog-search-ky-phone")
    page.goto(f"/{lang}/programs/?q=astronomy&free=on")
    expect(page.get_by_text(t(lang, "No program matches your search."))).to_be_visible()
    check_accessibility(page)


def test_filters_work_without_javascript_and_keep_their_values(open_page, catalog):
    lang = "en"
    page = open_page(f"/{lang}/programs/", viewport="phone", java_script_enabled=False)
    page.get_by_text(t(lang, "Filters: place, language, dates")).click()
    page.get_by_label(t(lang, "District or city"), exact=True).select_option(catalog.osh.code)
    page.get_by_label(t(lang, "Only with free places")).check()
    page.get_by_role("button", name=t(lang, "Show programs")).click()
    expect(page).to_have_url(re.compile(f"district={catalog.osh.code}&.*free=on"))
    expect(page.get_by_role("link", name=catalog.voters.title_en, exact=True)).to_be_visible()
    expect(page.get_by_role("link", name=catalog.digital.title_en, exact=True)).to_have_count(0)
    expect(page.get_by_label(t(lang, "District or city"), exact=True)).to_have_value(
        catalog.osh.code
    )
    expect(page.get_by_label(t(lang, "Only with free places"))).to_be_checked()

    page.get_by_label(t(lang, "Search"), exact=True).fill("astronomy")
    page.get_by_role("button", name=t(lang, "Search"), exact=True).click()
    expect(page.get_by_text(t(lang, "No program matches your search."))).to_be_visible()
    screenshot(page, "catalog-no-results-en-phone")
    page.get_by_role("link", name=t(lang, "Show all programs")).click()
    expect(page.locator(".catalog-item")).to_have_count(2)


def test_program_page_lists_offerings_nearest_to_the_chosen_district(open_page, catalog):
    lang = "ru"
    page = open_page(f"/{lang}/programs/voters/", viewport="phone", java_script_enabled=False)
    page.get_by_label(t(lang, "Your district or city")).select_option(catalog.osh.code)
    page.get_by_role("button", name=t(lang, "Show the nearest first")).click()
    offerings = page.locator(".offering")
    expect(offerings.first).to_contain_text(catalog.center_osh.name_ru)
    expect(offerings.nth(1)).to_contain_text(catalog.center_naryn.name_ru)

    page.get_by_label(t(lang, "Your district or city")).select_option(catalog.naryn.code)
    page.get_by_role("button", name=t(lang, "Show the nearest first")).click()
    expect(offerings.first).to_contain_text(catalog.center_naryn.name_ru)
    screenshot(page, "catalog-program-nearest-ru-phone")


def test_use_my_location_orders_the_offerings(open_page, catalog):
    lang = "ky"
    page = open_page(
        f"/{lang}/programs/voters/",
        viewport="phone",
        geolocation={"latitude": 40.52, "longitude": 72.79},
        permissions=["geolocation"],
    )
    page.get_by_role("button", name=t(lang, "Use my location")).click()
    expect(page.get_by_text(t(lang, "Nearest to your location first."))).to_be_visible()
    expect(page.locator(".offering").first).to_contain_text(catalog.center_osh.name_ky)


def test_live_now_shows_open_streams(open_page, catalog):
    now = timezone.now()
    online = OfferingFactory(program=catalog.voters, center=None, format=Offering.Format.ONLINE)
    SessionFactory(
        offering=online,
        starts_at=now - datetime.timedelta(minutes=30),
        ends_at=now + datetime.timedelta(minutes=60),
        stream_url="https://meet.example.kg/open",
        open_to_everyone=True,
    )
    lang = "ky"
    page = open_page(f"/{lang}/live/", viewport="phone")
    link = page.get_by_role("link", name=t(lang, "Join the stream"))
    expect(link).to_have_attribute("href", "https://meet.example.kg/open")
    check_accessibility(page)
    screenshot(page, "catalog-live-ky-phone")
