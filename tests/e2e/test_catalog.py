"""The catalog in Debian's Chromium: search across languages, filters, nearest offerings."""

import datetime
import re
from pathlib import Path

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

    # The chosen place folded the form away; it opens again to choose another.
    page.get_by_text(t(lang, "Choose another district or region")).click()
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


def _a_long_program_with_far_groups(catalog):
    """The catalog's program with a demo program's real texts, and groups far from Naryn first."""
    import json

    import bilim.demo
    from tests.factories import CenterFactory, DistrictFactory

    data = Path(bilim.demo.__file__).parent / "data" / "programs.json"
    programs = json.loads(data.read_text(encoding="utf-8"))
    items = programs if isinstance(programs, list) else programs["programs"]
    real = next(p for p in items if p["code"] == "cloud-e-signature")
    voters = catalog.voters
    for lang in LANGS:
        setattr(voters, f"title_{lang}", real["title"][lang])
        setattr(voters, f"summary_{lang}", real["summary"][lang])
        setattr(voters, f"description_{lang}", real["description"][lang])
    voters.certificate_min_attendance, voters.min_age = 100, 18
    voters.save()
    # Groups at three other centers start sooner than Naryn's: soonest-first would bury it.
    for n, lon in enumerate(("73.50", "74.60", "78.40")):
        district = DistrictFactory(latitude="42.50", longitude=lon)
        center = CenterFactory(district=district, latitude="42.50", longitude=lon)
        offering = OfferingFactory(program=voters, center=center)
        SessionFactory(
            offering=offering,
            starts_at=catalog.at_osh.first_starts_at - datetime.timedelta(hours=n + 1),
        )
    return voters


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_the_chosen_district_follows_to_the_program_page_and_its_group_comes_first(
    open_page, catalog, lang, viewport
):
    program = _a_long_program_with_far_groups(catalog)
    title = getattr(program, f"title_{lang}")
    page = open_page(f"/{lang}/programs/?district={catalog.naryn.code}", viewport=viewport)
    page.get_by_role("link", name=title, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    expect(page).to_have_url(re.compile(f"district={catalog.naryn.code}"))
    first = page.locator(".offering").first
    expect(first).to_contain_text(getattr(catalog.center_naryn, f"name_{lang}"))
    # Within the first two screens of a 360 × 740 phone.
    assert first.bounding_box()["y"] < 2 * 740
    # The next ones are the nearest, each saying roughly how far; online ones last.
    expect(page.locator(".offering").nth(1)).to_contain_text(re.compile(r"\d+ (km|км)"))
    expect(page.locator(".offering").last).to_contain_text(t(lang, "Online, from anywhere"))
    check_accessibility(page)
    screenshot(page, f"catalog-program-district-{lang}-{viewport}")


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_a_chosen_region_follows_to_the_program_page(open_page, catalog, lang):
    region = catalog.naryn.region
    page = open_page(f"/{lang}/programs/?region={region.code}", viewport="desktop")
    title = getattr(catalog.voters, f"title_{lang}")
    page.get_by_role("link", name=title, exact=True).click()
    expect(page).to_have_url(re.compile(f"region={region.code}"))
    expect(page.locator(".offering").first).to_contain_text(
        getattr(catalog.center_naryn, f"name_{lang}")
    )
    expect(page.get_by_label(t(lang, "Region"), exact=True)).to_have_value(region.code)
    check_accessibility(page)
    screenshot(page, f"catalog-program-region-{lang}-desktop")
