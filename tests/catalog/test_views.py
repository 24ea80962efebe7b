import datetime

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from bilim.scheduling.catalog import center_offering_list
from bilim.scheduling.models import Offering
from tests.catalog.conftest import offering_with_sessions
from tests.factories import CenterFactory, DistrictFactory, ProgramFactory
from tests.scheduling.factories import OfferingFactory, SessionFactory

pytestmark = pytest.mark.django_db


def url(name, lang="ky", *args):
    with translation.override(lang):
        return reverse(f"catalog:{name}", args=args)


def text(response):
    return response.content.decode()


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_catalog_lists_published_programs_in_the_page_language(client, catalog, lang):
    response = client.get(url("program-list", lang))
    assert response.status_code == 200
    body = text(response)
    assert getattr(catalog.voters, f"title_{lang}") in body
    assert getattr(catalog.digital, f"title_{lang}") in body
    assert "Draft voters" not in body


def test_a_russian_word_finds_the_program_on_the_kyrgyz_page(client, catalog):
    body = text(client.get(url("program-list", "ky"), {"q": "избирателя"}))
    assert catalog.voters.title_ky in body
    assert catalog.digital.title_ky not in body
    # What was typed stays in the box.
    assert 'value="избирателя"' in body


def test_filters_keep_their_values(client, catalog):
    body = text(
        client.get(
            url("program-list", "en"),
            {
                "district": catalog.osh.code,
                "language": "ru",
                "free": "on",
                "date_from": "2030-01-02",
            },
        )
    )
    assert f'<option value="{catalog.osh.code}" selected>' in body
    assert '<option value="ru" selected>' in body
    assert 'name="free" id="id_free" checked' in body
    assert 'value="2030-01-02"' in body
    # Filters in use are shown unfolded.
    assert '<details class="more-filters" open>' in body


def test_no_results_says_so_and_offers_a_reset(client, catalog):
    body = text(client.get(url("program-list", "en"), {"q": "astronomy"}))
    assert "No program matches your search." in body
    assert f'href="{url("program-list", "en")}"' in body


def test_bad_input_is_reported_without_failing(client, catalog):
    response = client.get(
        url("program-list", "en"),
        {"center": "no-such", "date_from": "tomorrow", "page": "x", "lat": "abc"},
    )
    assert response.status_code == 200
    body = text(response)
    assert "There is a problem" in body
    assert "Enter a valid date." in body
    # The wrong filters are left out; the rest of the catalog is shown.
    assert catalog.voters.title_en in body


def test_end_date_before_start_date_is_an_error(client, catalog):
    body = text(
        client.get(url("program-list", "en"), {"date_from": "2030-02-01", "date_to": "2030-01-01"})
    )
    assert "The end date must not be before the start date." in body


def test_catalog_is_paginated_by_twenty(client, catalog):
    ProgramFactory.create_batch(25)
    first = text(client.get(url("program-list", "en")))
    assert "27 programs found" in first
    assert first.count('class="catalog-item"') == 20
    assert "Page 1 of 2" in first
    second = text(client.get(url("program-list", "en"), {"page": "2"}))
    assert second.count('class="catalog-item"') == 7


def test_pages_keep_the_filters(client, catalog):
    ProgramFactory.create_batch(25, direction=catalog.digital.direction)
    body = text(client.get(url("program-list", "en"), {"direction": "digital"}))
    assert 'href="?direction=digital&amp;page=2"' in body


def _many_programs(catalog, n=30):
    for program in ProgramFactory.create_batch(n):
        offering = OfferingFactory(program=program, center=catalog.center_naryn)
        SessionFactory(offering=offering)
        SessionFactory(
            offering=offering, starts_at=offering.first_starts_at + datetime.timedelta(7)
        )


def test_catalog_queries_do_not_grow_with_programs(client, catalog, django_assert_max_num_queries):
    _many_programs(catalog)
    with django_assert_max_num_queries(9):
        response = client.get(url("program-list", "ru"), {"district": catalog.naryn.code})
    assert text(response).count('class="catalog-item"') == 20
    # The same page again comes from the cache.
    with django_assert_max_num_queries(1):
        client.get(url("program-list", "ru"), {"district": catalog.naryn.code})


def test_program_page_shows_offerings_without_stream_links(client, catalog):
    SessionFactory(
        offering=catalog.at_osh,
        starts_at=catalog.at_osh.first_starts_at + datetime.timedelta(days=1),
        stream_url="https://secret.example.kg/room",
    )
    body = text(client.get(url("program-detail", "en", "voters")))
    assert catalog.voters.title_en in body
    assert "Osh center" in body and "Naryn center" in body
    assert "Online, from anywhere" in body
    assert "secret.example.kg" not in body
    assert "20 of 20" in body
    assert "Open" in body


def test_program_page_orders_offerings_by_the_chosen_district(client, catalog):
    near_naryn = text(
        client.get(url("program-detail", "en", "voters"), {"district": catalog.naryn.code})
    )
    assert near_naryn.index("Naryn center") < near_naryn.index("Osh center")
    assert f'<option value="{catalog.naryn.code}" selected>' in near_naryn
    near_osh = text(
        client.get(url("program-detail", "en", "voters"), {"district": catalog.osh.code})
    )
    assert near_osh.index("Osh center") < near_osh.index("Naryn center")
    # The group in the chosen district says so; the others how far they roughly are.
    assert "In your district: Osh city" in near_osh
    assert "about 0 km" not in near_osh
    assert near_osh.index("Naryn center") < near_osh.index("about 2") < near_osh.index("Online")


def test_program_page_orders_by_a_shared_location(client, catalog):
    body = text(
        client.get(
            url("program-detail", "en", "voters"), {"lat": "41.40", "lon": "75.90", "district": ""}
        )
    )
    assert body.index("Naryn center") < body.index("Osh center")
    assert "Nearest to your location first." in body


def test_program_page_reports_an_unknown_district(client, catalog):
    response = client.get(url("program-detail", "en", "voters"), {"district": "nowhere"})
    assert response.status_code == 200
    assert "Choose your district from the list." in text(response)


def test_full_offering_says_so(client, catalog):
    body = text(client.get(url("program-detail", "en", "phone")))
    assert "No free places left" in body


@pytest.mark.parametrize("code", ["draft", "no-such"])
def test_unpublished_or_unknown_program_is_not_found(client, catalog, code):
    assert client.get(url("program-detail", "en", code)).status_code == 404


def test_program_page_queries_do_not_grow_with_offerings(
    client, catalog, django_assert_max_num_queries
):
    for _ in range(15):
        offering = OfferingFactory(program=catalog.voters, center=CenterFactory())
        for week in range(4):
            SessionFactory(
                offering=offering,
                starts_at=catalog.at_osh.first_starts_at + datetime.timedelta(days=7 * week),
            )
    # The program, the filter options (cached later), the offerings with their sessions,
    # and the program's audiences, themes and partners (a cached fragment).
    with django_assert_max_num_queries(11):
        response = client.get(url("program-detail", "ky", "voters"), {"district": catalog.osh.code})
    assert text(response).count('class="offering"') == 18
    with django_assert_max_num_queries(2):
        client.get(url("program-detail", "ky", "voters"), {"district": catalog.osh.code})


def test_live_page_shows_the_link_of_open_streams_only(client, catalog):
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    online = OfferingFactory(program=catalog.voters, center=None, format=Offering.Format.ONLINE)
    SessionFactory(
        offering=online,
        starts_at=now - hour,
        ends_at=now + hour,
        stream_url="https://open.example.kg/live",
        open_to_everyone=True,
    )
    SessionFactory(
        offering=OfferingFactory(
            program=catalog.digital, center=None, format=Offering.Format.ONLINE
        ),
        starts_at=now - hour,
        ends_at=now + hour,
        stream_url="https://private.example.kg/live",
    )
    body = text(client.get(url("live-now", "en")))
    assert "https://open.example.kg/live" in body
    assert catalog.voters.title_en in body
    assert "private.example.kg" not in body


def test_live_page_says_when_nothing_streams(client, catalog):
    assert "Nothing is streaming for everyone right now." in text(client.get(url("live-now", "en")))


def test_pages_stay_small(client, catalog):
    _many_programs(catalog)
    for response in (
        client.get(url("program-list", "ky")),
        client.get(url("program-detail", "ky", "voters")),
    ):
        assert len(response.content) < 60_000


def test_center_page_include_lists_the_centers_coming_programs(catalog):
    with translation.override("en"):
        html = render_to_string(
            "catalog/public/includes/center_offerings.html",
            {
                "center": catalog.center_naryn,
                "center_offerings": center_offering_list(center=catalog.center_naryn),
            },
        )
        empty = render_to_string(
            "catalog/public/includes/center_offerings.html",
            {"center": catalog.center_osh, "center_offerings": []},
        )
    assert catalog.voters.title_en in html and catalog.digital.title_en in html
    assert "20 free places" in html and "No free places left" in html
    assert f"?center={catalog.center_naryn.code}" in html
    assert "No program is planned here yet." in empty


def test_catalog_links_carry_the_chosen_district_to_the_program_page(client, catalog):
    body = text(client.get(url("program-list", "en"), {"district": catalog.naryn.code}))
    assert f'href="{url("program-detail", "en", "voters")}?district={catalog.naryn.code}"' in body


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_catalog_links_carry_the_chosen_region_to_the_program_page(client, catalog, lang):
    region = catalog.naryn.region
    body = text(client.get(url("program-list", lang), {"region": region.code}))
    assert f'href="{url("program-detail", lang, "voters")}?region={region.code}"' in body


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_program_page_shows_the_chosen_regions_groups_first(client, catalog, lang):
    region = catalog.naryn.region
    # A second district of the region, far in the south: nearer to Osh than to Naryn.
    other = DistrictFactory(region=region, latitude="40.60", longitude="72.90")
    far_end = CenterFactory(district=other, name_en="Far end", name_ru="Дальний край")
    offering_with_sessions(
        program=catalog.voters, center=far_end, days=[catalog.week + datetime.timedelta(3)]
    )
    body = text(client.get(url("program-detail", lang, "voters"), {"region": region.code}))
    with translation.override(lang):
        naryn, osh, far = catalog.center_naryn.name, catalog.center_osh.name, far_end.name
    # Both groups of the region come before Osh's, whatever the distances.
    assert f'<option value="{region.code}" selected>' in body
    assert body.index(naryn) < body.index(osh) and body.index(far) < body.index(osh)
    assert body.count('class="offering"') == 4


def test_program_page_reports_an_unknown_region(client, catalog):
    response = client.get(url("program-detail", "ru", "voters"), {"region": "nowhere"})
    assert response.status_code == 200
    with translation.override("ru"):
        assert translation.gettext("Choose your district from the list.") in text(response)


def test_program_page_with_a_place_keeps_its_query_count(
    client, catalog, django_assert_max_num_queries
):
    for _ in range(10):
        OfferingFactory(program=catalog.voters, center=CenterFactory())
    with django_assert_max_num_queries(11):
        client.get(url("program-detail", "ru", "voters"), {"region": catalog.naryn.region.code})
    with django_assert_max_num_queries(2):
        client.get(url("program-detail", "ru", "voters"), {"region": catalog.naryn.region.code})
