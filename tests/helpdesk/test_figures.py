"""Help-desk figures: the counts, their scope, the filters, the page and its CSV."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from bilim.accounts.models import Role
from bilim.accounts.selectors import scope_for
from bilim.centers.models import Center
from bilim.helpdesk.figures import FigureFilters, default_period, helpdesk_figures
from bilim.helpdesk.models import ServiceCategory
from bilim.helpdesk.services import consultation_create

BISHKEK = ZoneInfo("Asia/Bishkek")  # the site's time zone: days are counted in it
URL = "/en/staff/helpdesk/figures/"
CSV_URL = "/en/staff/helpdesk/figures/csv/"
NOW = datetime.datetime(2026, 11, 20, 12, 0, tzinfo=BISHKEK)
NOVEMBER = FigureFilters(start=datetime.date(2026, 11, 1), end=datetime.date(2026, 11, 30))


def _category(code: str) -> ServiceCategory:
    return ServiceCategory.objects.get(code=code)


def log(center, code="e-signature", *, at=NOW, **fields):
    values = {
        "center": center,
        "entered_by": None,
        "category": _category(code),
        "outcome": "resolved",
        "duration_minutes": 10,
        "channel": "walk_in",
        "now": at,
        **fields,
    }
    return consultation_create(**values)


def _figures(network, role=Role.NATIONAL, filters=NOVEMBER):
    return helpdesk_figures(scope=scope_for(network.users[role]), filters=filters)


def _rows(rows):
    return {row.key: (row.count, row.share) for row in rows}


@pytest.fixture
def logged(network):
    """Four consultations in region A, one in region B, in November 2026."""
    a1, b1 = network.center_a1, network.center_b1
    log(a1, duration_minutes=5, sex="female", age_band="65_plus", disability="yes")
    log(a1, duration_minutes=15, sex="female", channel="phone")
    log(a1, outcome="referred", referred_to="ЦОН", duration_minutes=30, sex="male")
    log(
        network.center_a2,
        "criminal-record",
        outcome="not_resolved",
        not_resolved_reason="Портал иштеген жок",
        duration_minutes=10,
    )
    log(b1, "criminal-record", outcome="referred", referred_to="Соцфонд", duration_minutes=20)
    return network


def test_totals_minutes_and_average(logged):
    figures = _figures(logged)
    assert (figures.total, figures.minutes, figures.average_minutes) == (5, 80, 16.0)


def test_counts_and_shares_by_service_with_their_outcomes(logged):
    rows = _figures(logged).by_category
    assert [(r.key, r.count, r.share) for r in rows] == [
        ("e-signature", 3, 60.0),
        ("criminal-record", 2, 40.0),
    ]
    signature, record = rows
    assert (signature.resolved, signature.referred, signature.not_resolved) == (2, 1, 0)
    assert (record.resolved, record.referred, record.not_resolved) == (0, 1, 1)
    with translation.override("ru"):
        assert _figures(logged).by_category[0].label.startswith("Облачная электронная подпись")


def test_outcomes_name_the_agencies_and_the_reasons(logged):
    figures = _figures(logged)
    assert _rows(figures.by_outcome) == {
        "resolved": (2, 40.0),
        "referred": (2, 40.0),
        "not_resolved": (1, 20.0),
    }
    assert figures.referred_total == 2
    assert _rows(figures.agencies) == {"ЦОН": (1, 50.0), "Соцфонд": (1, 50.0)}
    assert _rows(figures.reasons) == {"Портал иштеген жок": (1, 100.0)}


def test_agencies_are_the_most_frequent_first(network):
    for agency, times in (("Айыл өкмөтү", 1), ("ЦОН", 3), ("Соцфонд", 2)):
        for _ in range(times):
            log(network.center_a1, outcome="referred", referred_to=agency)
    agencies = _figures(network).agencies
    assert [row.label for row in agencies] == ["ЦОН", "Соцфонд", "Айыл өкмөтү"]


def test_demographics_count_not_stated_as_such(logged):
    figures = _figures(logged)
    assert _rows(figures.by_sex) == {
        "female": (2, 40.0),
        "male": (1, 20.0),
        "not_disclosed": (2, 40.0),
    }
    assert _rows(figures.by_age_band)["65_plus"] == (1, 20.0)
    assert _rows(figures.by_age_band)["not_disclosed"] == (4, 80.0)
    assert _rows(figures.by_disability) == {
        "yes": (1, 20.0),
        "no": (0, 0.0),
        "not_disclosed": (4, 80.0),
    }
    with translation.override("en"):
        labels = {row.key: row.label for row in _figures(logged).by_disability}
    assert labels == {
        "yes": "with a disability",
        "no": "without a disability",
        "not_disclosed": "not stated",
    }


def test_counts_by_region_center_and_channel(logged):
    figures = _figures(logged)
    assert _rows(figures.by_region) == {
        logged.region_a.code: (4, 80.0),
        logged.region_b.code: (1, 20.0),
    }
    assert _rows(figures.by_center) == {
        logged.center_a1.code: (3, 60.0),
        logged.center_a2.code: (1, 20.0),
        logged.center_b1.code: (1, 20.0),
        logged.center_b2.code: (0, 0.0),  # open, but its desk logged nothing
    }
    assert _rows(figures.by_channel) == {"walk_in": (4, 80.0), "phone": (1, 20.0)}


def test_a_closed_center_is_listed_only_with_consultations(logged):
    Center.objects.filter(pk=logged.center_b2.pk).update(status=Center.Status.CLOSED)
    Center.objects.filter(pk=logged.center_b1.pk).update(status=Center.Status.CLOSED)
    keys = set(_rows(_figures(logged).by_center))
    assert logged.center_b1.code in keys
    assert logged.center_b2.code not in keys


def test_region_staff_never_see_another_regions_numbers(logged):
    figures = _figures(logged, Role.REGION)
    assert figures.total == 4
    assert set(_rows(figures.by_region)) == {logged.region_a.code}
    assert set(_rows(figures.by_center)) == {logged.center_a1.code, logged.center_a2.code}
    assert "Соцфонд" not in _rows(figures.agencies)
    # Even when asked for region B directly, the scope keeps its numbers out.
    asked = FigureFilters(start=NOVEMBER.start, end=NOVEMBER.end, region=logged.region_b)
    assert _figures(logged, Role.REGION, asked).total == 0


def test_center_staff_see_their_own_center_only(logged):
    figures = _figures(logged, Role.CENTER)
    assert figures.total == 3
    assert set(_rows(figures.by_center)) == {logged.center_a1.code}


@pytest.mark.parametrize("role", [Role.NATIONAL, Role.ANALYST])
def test_the_national_office_and_analysts_see_the_whole_network(logged, role):
    assert _figures(logged, role).total == 5


@pytest.mark.parametrize("role", [Role.PARTNER, Role.FACILITATOR, Role.OPERATOR])
def test_roles_without_the_capability_count_nothing(logged, role):
    assert _figures(logged, role).total == 0


def test_the_period_is_counted_in_local_days(network):
    last_evening = datetime.datetime(2026, 11, 30, 23, 30, tzinfo=BISHKEK)
    next_morning = datetime.datetime(2026, 12, 1, 0, 10, tzinfo=BISHKEK)
    first_morning = datetime.datetime(2026, 11, 1, 0, 5, tzinfo=BISHKEK)
    for moment in (last_evening, next_morning, first_morning):
        log(network.center_a1, at=moment)
    assert _figures(network).total == 2


def test_filters_by_center_service_and_channel(logged):
    def total(**changes):
        filters = FigureFilters(start=NOVEMBER.start, end=NOVEMBER.end, **changes)
        return _figures(logged, filters=filters).total

    assert total(center=logged.center_a1) == 3
    assert total(region=logged.region_b) == 1
    assert total(category=_category("criminal-record")) == 2
    assert total(channel="phone") == 1
    assert total(center=logged.center_a1, channel="phone") == 1


def test_default_period_is_this_month_so_far():
    assert default_period(datetime.date(2026, 11, 27)) == (
        datetime.date(2026, 11, 1),
        datetime.date(2026, 11, 27),
    )


def test_the_query_count_does_not_grow_with_the_consultations(network):
    scope = scope_for(network.users[Role.REGION])
    scope_for(network.users[Role.REGION])  # the scope itself is cached for the request
    log(network.center_a1)
    with CaptureQueriesContext(connection) as few:
        helpdesk_figures(scope=scope, filters=NOVEMBER)
    codes = ["e-signature", "criminal-record", "tax", "id-card", "other"]
    for index in range(60):
        log(
            network.center_a1 if index % 2 else network.center_a2,
            codes[index % len(codes)],
            outcome=("resolved", "referred", "not_resolved")[index % 3],
            referred_to=f"Орган {index % 7}",
            not_resolved_reason=f"Себеп {index % 4}",
            channel=("walk_in", "phone")[index % 2],
        )
    with CaptureQueriesContext(connection) as many:
        figures = helpdesk_figures(scope=scope, filters=NOVEMBER)
    assert figures.total == 61
    assert len(many) == len(few) == 11


# --- The page ---


def _page(client, network, role=Role.NATIONAL, **params):
    client.force_login(network.users[role])
    return client.get(URL, params)


def _period(**params):
    return {"date_from": "2026-11-01", "date_to": "2026-11-30", **params}


def test_the_page_shows_the_figures_in_accessible_tables(client, logged):
    html = _page(client, logged, **_period()).content.decode()
    assert "<strong>5</strong> consultations" in html
    assert "<strong>80</strong> minutes in total" in html
    assert html.count("<caption") >= 8
    assert '<th scope="row">Not stated</th>' in html
    assert "Criminal-record certificate" in html
    assert "Соцфонд" in html
    assert 'class="table-scroll" tabindex="0"' in html


def test_the_page_opens_on_this_month_so_far(client, network):
    html = _page(client, network).content.decode()
    start, end = default_period(timezone.localdate())
    assert f'value="{start.isoformat()}"' in html
    assert f'value="{end.isoformat()}"' in html


def test_a_period_without_consultations_says_so(client, network):
    html = _page(client, network, **_period()).content.decode()
    assert "No consultation was logged in this period with these filters." in html
    assert "<caption" not in html


def test_region_staff_are_offered_and_shown_only_their_region(client, logged):
    html = _page(client, logged, Role.REGION, **_period()).content.decode()
    assert logged.center_b1.name not in html
    assert logged.center_b2.name not in html
    assert logged.region_b.name not in html
    assert "Соцфонд" not in html
    assert "<strong>4</strong> consultations" in html


def test_a_bad_date_is_named_and_the_other_filters_are_kept(client, logged):
    category = _category("criminal-record")
    response = _page(client, logged, date_from="2026-13-45", channel="phone", category=category.pk)
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html
    assert "“2026-13-45” is not a date." in html
    assert 'value="phone" selected' in html
    assert f'value="{category.pk}" selected' in html
    assert "<caption" not in html  # no figures for filters that do not hold


def test_a_center_outside_the_scope_is_refused_with_a_clear_error(client, logged):
    response = _page(
        client, logged, Role.REGION, center=logged.center_b1.pk, channel="phone", **_period()
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose a center of your area of work." in html
    assert logged.center_b1.name not in html
    assert 'value="phone" selected' in html
    assert "<caption" not in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"date_from": "2026-11-20", "date_to": "2026-11-01"}, "must not be before its start"),
        ({"region": "abc"}, "Choose a region of your area of work."),
        ({"category": "999999"}, "Choose a service from the list."),
        ({"channel": "pigeon"}, "Choose a channel from the list."),
    ],
)
def test_wrong_filters_are_explained_not_crashed_on(client, logged, params, message):
    response = _page(client, logged, **params)
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_center_outside_the_chosen_region_is_refused(client, logged):
    html = _page(
        client, logged, region=logged.region_a.pk, center=logged.center_b1.pk, **_period()
    ).content.decode()
    assert "This center is not in the chosen region." in html


def test_the_page_keeps_its_query_count(client, logged, django_assert_max_num_queries):
    client.force_login(logged.users[Role.NATIONAL])
    with django_assert_max_num_queries(17):
        response = client.get(URL, _period())
    assert response.status_code == 200
    for _ in range(30):
        log(logged.center_b2, "tax", outcome="referred", referred_to="Салык кызматы")
    with django_assert_max_num_queries(17):
        assert "<strong>35</strong>" in client.get(URL, _period()).content.decode()


def test_the_desk_page_links_to_the_figures(client, network):
    client.force_login(network.users[Role.CENTER])
    assert URL in client.get("/en/staff/helpdesk/").content.decode()


# --- The CSV ---


def _csv(response):
    body = response.getvalue()
    assert body.startswith("\ufeff".encode())  # Excel needs the byte-order mark
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig"))))


def test_the_csv_holds_the_same_figures_with_cyrillic_intact(client, logged):
    client.force_login(logged.users[Role.NATIONAL])
    response = client.get("/ru/staff/helpdesk/figures/csv/", _period())
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "helpdesk-figures-2026-11-01-2026-11-30.csv" in response["Content-Disposition"]
    rows = _csv(response)
    assert list(rows[0]) == ["breakdown", "key", "label", "count", "share_percent"]
    found = {(r["breakdown"], r["key"]): r for r in rows}
    assert found[("filter", "from")]["label"] == "2026-11-01"
    assert found[("total", "consultations")]["count"] == "5"
    signature = found[("category", "e-signature")]
    assert signature["label"].startswith("Облачная электронная подпись")
    assert (signature["count"], signature["share_percent"]) == ("3", "60.0")
    assert found[("category_outcome", "e-signature:referred")]["count"] == "1"
    assert found[("referred_to", "ЦОН")]["share_percent"] == "50.0"
    assert found[("not_resolved_reason", "Портал иштеген жок")]["count"] == "1"
    assert found[("region", logged.region_b.code)]["count"] == "1"
    assert found[("sex", "not_disclosed")]["count"] == "2"
    assert found[("disability", "yes")]["count"] == "1"


def test_the_csv_follows_the_filters_and_the_scope(client, logged):
    client.force_login(logged.users[Role.REGION])
    rows = _csv(client.get(CSV_URL, _period(channel="phone")))
    found = {(r["breakdown"], r["key"]): r for r in rows}
    assert found[("total", "consultations")]["count"] == "1"
    assert found[("filter", "channel")]["label"] == "phone call"
    assert ("region", logged.region_b.code) not in found
    assert ("center", logged.center_b1.code) not in found


def test_typed_text_is_not_run_as_a_formula(client, network):
    log(network.center_a1, outcome="referred", referred_to="=HYPERLINK(1)")
    client.force_login(network.users[Role.NATIONAL])
    rows = _csv(client.get(CSV_URL, _period()))
    agency = next(r for r in rows if r["breakdown"] == "referred_to")
    assert agency["label"] == "'=HYPERLINK(1)"


def test_the_csv_with_wrong_filters_sends_back_to_the_explained_form(client, network):
    client.force_login(network.users[Role.NATIONAL])
    response = client.get(CSV_URL, {"date_from": "2026-13-45"})
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?date_from=2026-13-45"


@pytest.mark.parametrize("role", list(Role))
def test_only_the_figure_roles_download_the_csv(client, network, role):
    client.force_login(network.users[role])
    allowed = {Role.NATIONAL, Role.REGION, Role.CENTER, Role.ANALYST}
    assert client.get(CSV_URL).status_code == (200 if role in allowed else 403)
