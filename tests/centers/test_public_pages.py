import datetime
from decimal import Decimal

import pytest

from bilim.centers.models import Center
from bilim.centers.services import center_set_week
from tests.factories import CenterFactory, DistrictFactory, RegionFactory


@pytest.fixture
def centers(geography):
    from bilim.geography.models import District

    naryn_city = District.objects.get(code="41704400000010")
    bishkek = District.objects.get(code="41711201000000")
    osh = District.objects.get(code="41721000000000")
    return {
        "naryn": CenterFactory(
            district=naryn_city,
            latitude=Decimal("41.43"),
            longitude=Decimal("75.99"),
            name_ky="Нарын борбору",
            name_ru="Нарынский центр",
            name_en="Naryn center",
            ramp=True,
        ),
        "bishkek": CenterFactory(
            district=bishkek, latitude=Decimal("42.87"), longitude=Decimal("74.59")
        ),
        "osh": CenterFactory(district=osh, latitude=Decimal("40.53"), longitude=Decimal("72.80")),
        "planned": CenterFactory(district=bishkek, status=Center.Status.PLANNED),
    }


def test_public_list_shows_open_centers_with_a_map_and_attribution(client, centers):
    html = client.get("/ru/centers/").content.decode()
    assert "Нарынский центр" in html
    assert centers["planned"].name_ru not in html
    assert "<svg" in html and html.count("<circle") == 3
    assert "CC BY 3.0 IGO" in html


def test_public_list_filters_by_region_and_district(client, centers):
    html = client.get("/en/centers/", {"region": "41711000000000"}).content.decode()
    assert centers["bishkek"].name_en in html
    assert "Naryn center" not in html
    html = client.get(
        "/en/centers/", {"region": "41711000000000", "district": "41711202000000"}
    ).content.decode()
    assert centers["bishkek"].name_en not in html


def test_unknown_filter_values_show_everything_not_an_error(client, centers):
    response = client.get("/ky/centers/", {"region": "<script>", "district": "x" * 300})
    assert response.status_code == 200
    assert response.content.decode().count("<circle") == 3


def test_public_list_query_count_is_flat(client, centers, django_assert_max_num_queries):
    CenterFactory.create_batch(15, district=centers["bishkek"].district)
    with django_assert_max_num_queries(6):
        client.get("/ky/centers/")


def test_center_page_shows_features_hours_and_how_to_get_there(client, centers):
    center = centers["naryn"]
    center.how_to_get_there_ru = "Остановка «Центр», второй этаж"
    center.save()
    center_set_week(center=center, periods=[(0, datetime.time(9), datetime.time(18))])
    html = client.get(f"/ru/centers/{center.code}/").content.decode()
    assert "Остановка «Центр», второй этаж" in html
    assert "09:00–18:00" in html
    assert "Нарынский центр" in html


def test_closed_or_planned_center_has_no_public_page(client, centers):
    assert client.get(f"/ky/centers/{centers['planned'].code}/").status_code == 404


def test_nearest_from_a_district_orders_by_distance(client, centers):
    from bilim.geography.models import District

    kara_suu = District.objects.get(code="41706226000000")  # next to Osh
    response = client.get("/en/centers/nearest/", {"district": kara_suu.pk})
    nearest = response.context["nearest"]
    assert nearest[0].center == centers["osh"]
    assert len(nearest) == 3
    assert nearest[0].km < 30
    assert [n.km for n in nearest] == sorted(n.km for n in nearest)


def test_nearest_from_a_shared_location(client, centers):
    response = client.get("/en/centers/nearest/", {"lat": "42.80", "lon": "74.60"})
    assert response.context["nearest"][0].center == centers["bishkek"]


def test_nearest_refuses_a_point_outside_the_country(client, centers):
    response = client.get("/ru/centers/nearest/", {"lat": "55.75", "lon": "37.61"})
    assert response.status_code == 200
    assert response.context["nearest"] == []
    assert response.context["form"].errors


def test_region_and_district_unrelated_to_each_other_fall_back_to_region(client, db):
    region = RegionFactory()
    other_district = DistrictFactory()
    CenterFactory(district=DistrictFactory(region=region), name_en="In region")
    html = client.get(
        "/en/centers/", {"region": region.code, "district": other_district.code}
    ).content.decode()
    assert "In region" in html


def test_map_dots_sit_inside_the_country_in_every_language(client, centers):
    import re

    for lang in ("ky", "ru", "en"):
        html = client.get(f"/{lang}/centers/").content.decode()
        dots = re.findall(r'<circle cx="([^"]+)" cy="([^"]+)"', html)
        assert len(dots) == 3
        for x, y in dots:
            assert 0 < float(x) < 1000 and 0 < float(y) < 510, (lang, x, y)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Mon–Fri 09:00–12:30, 13:30–18:00; Sat 10:00–14:00"),
        ("ru", "Пн–Пт 09:00–12:30, 13:30–18:00; Сб 10:00–14:00"),
    ],
)
def test_list_shows_the_week_in_one_line(client, centers, lang, expected):
    T = datetime.time
    periods = [(d, T(9), T(12, 30)) for d in range(5)] + [(d, T(13, 30), T(18)) for d in range(5)]
    center_set_week(center=centers["naryn"], periods=[*periods, (5, T(10), T(14))])
    assert expected in client.get(f"/{lang}/centers/").content.decode()


def _view_box(html):
    import re

    found = re.search(r'<svg viewBox="([^"]+)"', html)
    assert found is not None
    return [float(v) for v in found.group(1).split()]


def _pin(html):
    import re

    found = re.search(r'class="map-pin" transform="translate\(([^ ]+) ([^)]+)\)', html)
    assert found is not None
    x, y = found.groups()
    return float(x), float(y)


@pytest.mark.parametrize("name", ["naryn", "bishkek", "osh"])
def test_center_page_map_zooms_to_the_center_with_a_pin(client, centers, name):
    center = centers[name]
    for lang in ("ky", "ru"):
        html = client.get(f"/{lang}/centers/{center.code}/").content.decode()
        x0, y0, width, height = _view_box(html)
        # The country is 1000 units wide: the center's district fills the map instead.
        assert width < 120 and height < 120, (name, width, height)
        x, y = _pin(html)
        assert x0 < x < x0 + width and y0 < y < y0 + height


def test_center_page_links_to_map_apps_with_the_centers_point(client, centers):
    center = centers["naryn"]
    for lang in ("ky", "ru", "en"):
        html = client.get(f"/{lang}/centers/{center.code}/").content.decode()
        assert 'href="geo:41.43,75.99' in html
        assert (
            'href="https://www.openstreetmap.org/?mlat=41.43&amp;mlon=75.99#map=17/41.43/75.99"'
            in html
        )


def test_map_attribution_goes_through_the_translations(client, centers):
    from django.utils.functional import Promise

    from bilim.geography import maps

    assert isinstance(maps.ATTRIBUTION, Promise)
    html = client.get(f"/ru/centers/{centers['naryn'].code}/").content.decode()
    assert 'class="attribution" lang="en"' not in html
    assert "CC BY 3.0 IGO" in html


def test_map_captions_point_only_to_lists_that_are_there(client, centers):
    page = client.get(f"/en/centers/{centers['naryn'].code}/").content.decode()
    assert "listed below" not in page
    assert "Map: Naryn center" in page
    listed = client.get("/en/centers/").content.decode()
    assert "The same centers are listed below." in listed
    empty = client.get("/en/centers/", {"region": "41708000000000"}).content.decode()
    assert "There is no open center here yet." in empty
    assert "listed below" not in empty


def test_center_page_with_its_close_map_stays_light(client, centers):
    # A slow village connection: the close map weighs no more than the country's did.
    for center in ("naryn", "bishkek", "osh"):
        html = client.get(f"/ky/centers/{centers[center].code}/").content
        assert len(html) < 60_000, (center, len(html))
