import datetime

import pytest
from django.utils import timezone

from bilim.centers.models import Center
from bilim.scheduling.catalog import (
    CatalogFilters,
    catalog_program_list,
    center_offering_list,
    live_session_list,
    program_offering_list,
)
from bilim.scheduling.models import Offering, Session
from tests.factories import ProgramFactory
from tests.scheduling.factories import OfferingFactory, SessionFactory

pytestmark = pytest.mark.django_db


def codes(**filters):
    return [p.code for p in catalog_program_list(filters=CatalogFilters(**filters))]


def test_only_published_programs_are_listed(catalog):
    assert set(codes()) == {"voters", "phone"}


@pytest.mark.parametrize(
    "query",
    ["укуктары", "ПРАВА", "избирателя", "voter", "голосовании", "Voting", "выборы", "Elections"],
)
def test_a_word_in_any_language_finds_the_program(catalog, query):
    assert codes(query=query) == ["voters"]


def test_every_word_must_match(catalog):
    assert codes(query="права телефон") == []
    assert codes(query="права избирателя") == ["voters"]


def test_a_word_in_a_draft_program_finds_nothing(catalog):
    assert codes(query="Draft") == []


def test_place_filters_match_offerings_at_centers_there(catalog):
    assert codes(district=catalog.osh.code) == ["voters"]
    assert set(codes(district=catalog.naryn.code)) == {"voters", "phone"}
    assert codes(center=catalog.center_osh.code) == ["voters"]
    assert set(codes(region=catalog.naryn.region.code)) == {"voters", "phone"}


def test_past_offerings_do_not_count(catalog):
    # The digital program's offering in Osh is over.
    assert "phone" not in codes(center=catalog.center_osh.code)


def test_language_format_direction_and_audience(catalog):
    assert codes(language="ru") == ["voters"]
    assert codes(format="online") == ["voters"]
    assert codes(direction="digital") == ["phone"]
    assert codes(audience="youth") == ["voters"]
    assert codes(audience="elderly") == []


def test_free_places_leaves_out_full_offerings(catalog):
    assert set(codes()) == {"voters", "phone"}
    assert codes(free_places=True) == ["voters"]


def test_date_range_overlaps_the_sessions(catalog):
    week = catalog.week
    assert set(codes(date_from=week, date_to=week + datetime.timedelta(days=2))) == {"voters"}
    late = week + datetime.timedelta(days=21)
    assert codes(date_from=late) == ["phone"]
    assert codes(date_to=week - datetime.timedelta(days=1)) == []


def test_programs_carry_their_coming_groups_and_next_session(catalog):
    programs = {p.code: p for p in catalog_program_list(filters=CatalogFilters())}
    assert programs["voters"].coming_count == 3
    assert programs["voters"].next_starts_at == catalog.at_osh.first_starts_at
    # With a place, the figures are those of the offerings there.
    near = catalog_program_list(filters=CatalogFilters(district=catalog.naryn.code))
    voters = next(p for p in near if p.code == "voters")
    assert voters.coming_count == 1
    assert voters.next_starts_at == catalog.at_naryn.first_starts_at


def test_programs_with_dates_come_before_those_without(catalog):
    ProgramFactory(code="aaa-no-dates")
    assert codes()[-1] == "aaa-no-dates"


def test_offerings_nearest_to_the_chosen_district_first(catalog):
    near_osh = program_offering_list(
        program=catalog.voters, point=(catalog.osh.latitude, catalog.osh.longitude)
    )
    assert [p.offering for p in near_osh.at_centers] == [catalog.at_osh, catalog.at_naryn]
    assert near_osh.at_centers[0].km == pytest.approx(0, abs=0.1)
    km = near_osh.at_centers[1].km
    assert km is not None and 200 < km < 400
    near_naryn = program_offering_list(
        program=catalog.voters, point=(catalog.naryn.latitude, catalog.naryn.longitude)
    )
    assert [p.offering for p in near_naryn.at_centers] == [catalog.at_naryn, catalog.at_osh]
    assert [p.offering for p in near_naryn.online] == [catalog.online]


def test_without_a_place_offerings_come_soonest_first(catalog):
    result = program_offering_list(program=catalog.voters)
    assert [p.offering for p in result.at_centers] == [catalog.at_osh, catalog.at_naryn]
    assert all(p.km is None for p in result.at_centers)


def test_offerings_show_their_next_sessions_and_registration(catalog):
    now = timezone.now()
    Offering.objects.filter(pk=catalog.at_naryn.pk).update(
        registration_opens=now + datetime.timedelta(days=1)
    )
    result = program_offering_list(program=catalog.voters, now=now)
    placed = {p.offering.pk: p for p in result.at_centers}
    osh = placed[catalog.at_osh.pk]
    assert len(osh.offering.next_sessions) == 2
    assert osh.registration_open and not osh.registration_opens_later
    naryn = placed[catalog.at_naryn.pk]
    assert not naryn.registration_open and naryn.registration_opens_later


def test_past_and_cancelled_offerings_are_not_shown(catalog):
    Offering.objects.filter(pk=catalog.at_osh.pk).update(status=Offering.Status.CANCELLED)
    result = program_offering_list(program=catalog.voters)
    assert [p.offering for p in result.at_centers] == [catalog.at_naryn]
    assert program_offering_list(program=catalog.digital).at_centers[0].offering == catalog.full


def test_center_offerings_list_coming_ones_of_published_programs(catalog):
    assert center_offering_list(center=catalog.center_osh) == [catalog.at_osh]
    at_naryn = center_offering_list(center=catalog.center_naryn)
    assert at_naryn == [catalog.at_naryn, catalog.full]
    assert at_naryn[0].next_sessions[0].starts_at == catalog.at_naryn.first_starts_at


def test_center_offerings_use_two_queries(catalog, django_assert_num_queries):
    with django_assert_num_queries(2):
        offerings = center_offering_list(center=catalog.center_naryn)
        [o.next_sessions for o in offerings]


@pytest.fixture
def streams(catalog):
    now = timezone.now()
    hour = datetime.timedelta(hours=1)

    def session(**kwargs):
        defaults = {
            "starts_at": now - hour,
            "ends_at": now + hour,
            "stream_url": "https://meet.example.kg/live",
            "open_to_everyone": True,
        }
        return SessionFactory(**{**defaults, **kwargs})

    online = OfferingFactory(program=catalog.voters, center=None, format=Offering.Format.ONLINE)
    hybrid = OfferingFactory(
        program=catalog.digital, center=catalog.center_osh, format=Offering.Format.HYBRID
    )
    offline = OfferingFactory(program=catalog.digital, center=catalog.center_osh)
    return {
        "live": session(offering=online),
        "hybrid": session(offering=hybrid),
        "closed": session(offering=online, open_to_everyone=False),
        "offline": session(offering=offline),
        "later": session(offering=online, starts_at=now + hour, ends_at=now + 2 * hour),
        "over": session(offering=online, starts_at=now - 2 * hour, ends_at=now - hour),
        "cancelled": session(offering=online, status=Session.Status.CANCELLED),
        "no_link": session(offering=online, stream_url=""),
        "not_web": session(offering=online, stream_url="javascript:alert(1)"),
    }


def test_live_now_lists_open_streams_happening_now(streams):
    assert set(live_session_list()) == {streams["live"], streams["hybrid"]}


def test_a_chosen_place_puts_its_offerings_first_then_the_nearest_then_online(catalog):
    from bilim.scheduling.catalog import Place

    osh = Place("district", catalog.osh.code, "Osh", (catalog.osh.latitude, catalog.osh.longitude))
    result = program_offering_list(program=catalog.voters, place=osh)
    assert [p.offering for p in result.here] == [catalog.at_osh]
    assert [p.offering for p in result.at_centers] == [catalog.at_naryn]
    assert [p.offering for p in result.online] == [catalog.online]
    region = catalog.naryn.region
    whole = Place("region", region.code, "Naryn", (region.latitude, region.longitude))
    result = program_offering_list(program=catalog.voters, place=whole)
    assert [p.offering for p in result.here] == [catalog.at_naryn]


def test_distances_run_between_district_centroids(catalog):
    # A center placed away from its district's centroid: the district's centroid counts.
    Center.objects.filter(pk=catalog.center_naryn.pk).update(latitude=40.6, longitude=72.9)
    result = program_offering_list(
        program=catalog.voters, point=(catalog.osh.latitude, catalog.osh.longitude)
    )
    naryn = next(p for p in result.at_centers if p.offering == catalog.at_naryn)
    assert naryn.km is not None and 200 < naryn.km < 400
