"""Centers in the browser: list with map, a center, nearest centers, staff forms."""

import datetime
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from bilim.centers.services import center_set_week
from bilim.geography.models import District
from bilim.geography.services import geography_sync
from tests.factories import CenterFactory, RoomFactory

from .conftest import LANGS, check_accessibility, screenshot, sign_in, t


@pytest.fixture
def open_centers(transactional_db):
    # The live server reads committed rows: load the units in a transactional test.
    geography_sync()
    bishkek = District.objects.get(code="41711201000000")
    naryn = District.objects.get(code="41704400000010")
    first = CenterFactory(
        district=bishkek,
        latitude=Decimal("42.87"),
        longitude=Decimal("74.59"),
        name_ky="Ленин району: борбор",
        name_ru="Ленинский район: центр",
        name_en="Leninsky district center",
        ramp=True,
        step_free_entrance=True,
        how_to_get_there_ky="«Ала-Тоо» аянтынан 5 мүнөт жөө.",
        how_to_get_there_ru="5 минут пешком от площади «Ала-Тоо».",
        how_to_get_there_en="5 minutes on foot from Ala-Too square.",
    )
    center_set_week(
        center=first,
        periods=[(d, datetime.time(9), datetime.time(18)) for d in range(5)],
    )
    RoomFactory(center=first, capacity=24)
    second = CenterFactory(
        district=naryn,
        latitude=Decimal("41.43"),
        longitude=Decimal("75.99"),
        name_ky="Нарын шаары: борбор",
        name_ru="Город Нарын: центр",
        name_en="Naryn city center",
    )
    return first, second


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_centers_list_with_map_and_filter(open_page, open_centers, lang, viewport):
    _, second = open_centers
    page = open_page(f"/{lang}/centers/", viewport=viewport)
    expect(page.locator(".map-svg circle")).to_have_count(2)
    expect(page.get_by_role("link", name=getattr(second, f"name_{lang}"))).to_be_visible()
    check_accessibility(page)
    screenshot(page, f"centers-{lang}-{viewport}")

    # Choosing a region narrows the list and the map, without any script.
    page.get_by_label(t(lang, "Region"), exact=True).select_option("41711000000000")
    page.get_by_role("button", name=t(lang, "Show centers")).click()
    expect(page).to_have_url(f"{page.url.split('?')[0]}?region=41711000000000")
    expect(page.locator(".map-svg circle")).to_have_count(1)
    expect(page.get_by_role("link", name=getattr(second, f"name_{lang}"))).to_have_count(0)
    check_accessibility(page)


@pytest.mark.parametrize("lang", LANGS)
def test_center_page_shows_how_to_get_there_and_hours(open_page, open_centers, lang):
    first, _ = open_centers
    page = open_page(f"/{lang}/centers/{first.code}/", viewport="phone")
    expect(page.get_by_role("heading", level=1)).to_have_text(getattr(first, f"name_{lang}"))
    expect(page.get_by_text(getattr(first, f"how_to_get_there_{lang}"))).to_be_visible()
    expect(page.get_by_role("cell", name="09:00–18:00").first).to_be_visible()
    check_accessibility(page)
    screenshot(page, f"center-{lang}-phone")


def test_nearest_center_by_district_without_javascript(open_page, open_centers):
    _, second = open_centers
    page = open_page("/ru/centers/nearest/", viewport="phone", java_script_enabled=False)
    at_bashy = District.objects.get(code="41704220000000")  # next to Naryn
    page.get_by_label(t("ru", "Your district or city")).select_option(str(at_bashy.pk))
    page.get_by_role("button", name=t("ru", "Show the nearest centers")).click()
    items = page.locator("ol.center-list > li")
    expect(items).to_have_count(2)
    expect(items.first).to_contain_text(second.name_ru)
    screenshot(page, "nearest-ru-phone")
    # axe itself needs JavaScript: check the same result page in a normal browser.
    page = open_page(page.url, viewport="phone")
    check_accessibility(page)


def test_nearest_center_by_shared_location(open_page, open_centers):
    first, _ = open_centers
    page = open_page(
        "/en/centers/nearest/",
        permissions=["geolocation"],
        geolocation={"latitude": 42.85, "longitude": 74.60},
    )
    page.get_by_role("button", name="Use my location").click()
    expect(page.locator("ol.center-list > li").first).to_contain_text(first.name_en)


def test_center_manager_gets_a_clear_error_on_wrong_hours(open_page, network):
    page = open_page(viewport="desktop")
    sign_in(page, "cen", lang="ru")
    page.goto(f"/ru/staff/centers/{network.center_a1.code}/hours/")
    check_accessibility(page)
    monday = t("ru", "Monday")
    label = t("ru", "%(day)s: opens (period %(n)s)") % {"day": monday, "n": 1}
    opens = page.get_by_label(label)
    closes = page.get_by_label(t("ru", "%(day)s: closes (period %(n)s)") % {"day": monday, "n": 1})
    opens.fill("09:00")
    closes.fill("08:00")  # closing before opening: refused, nothing lost
    closes.press("Enter")  # submitted from the keyboard
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text(t("ru", "Closing time must be after opening."))
    expect(opens).to_have_value("09:00")
    expect(closes).to_have_value("08:00")
    check_accessibility(page)
    screenshot(page, "hours-error-ru-desktop")


def test_national_office_checks_a_bad_import_file(open_page, network, tmp_path):
    page = open_page(viewport="desktop")
    sign_in(page, "nat", lang="ky")
    page.goto("/ky/staff/centers/import/")
    bad = tmp_path / "centers.csv"
    bad.write_text(
        "code,name_ky,name_ru,district_code,address_ky,address_ru,latitude,longitude\n"
        "z1,А,Б,000,Көчө,Улица,99,75\n",
        encoding="utf-8",
    )
    page.locator("input[type=file]").set_input_files(str(bad))
    page.get_by_role("button", name=t("ky", "Check the file")).click()
    expect(page.locator(".row-error")).to_have_count(1)
    check_accessibility(page)
    screenshot(page, "import-errors-ky-desktop")


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_center_page_map_shows_the_door_and_opens_map_apps(open_page, open_centers, lang, viewport):
    _, naryn = open_centers
    page = open_page(f"/{lang}/centers/{naryn.code}/", viewport=viewport)
    pin = page.locator(".map-pin")
    expect(pin).to_be_visible()
    # A pin a person sees at a glance, not a dot lost in the whole country.
    assert pin.bounding_box()["height"] >= 30
    if viewport == "phone":
        # Right after the address: within the first two screens.
        assert pin.bounding_box()["y"] < 2 * 740
    expect(page.get_by_role("link", name=t(lang, "Open in a map app"))).to_have_attribute(
        "href", "geo:41.43,75.99?q=41.43,75.99"
    )
    expect(page.get_by_role("link", name=t(lang, "Open on OpenStreetMap"))).to_have_attribute(
        "href", "https://www.openstreetmap.org/?mlat=41.43&mlon=75.99#map=17/41.43/75.99"
    )
    check_accessibility(page)
    screenshot(page, f"center-map-{lang}-{viewport}")
