"""Reads of the guides: what is public, search, the stale list, staff visibility."""

import datetime

import pytest

from bilim.accounts.models import Role
from bilim.accounts.selectors import scope_for
from bilim.guides.selectors import (
    guide_counts,
    guide_list,
    months_before,
    published_guide_list,
    stale_before,
    stale_guide_list,
)
from tests.guides.conftest import category, days_ago, make_guide


def _slugs(guides):
    return {g.slug for g in guides}


@pytest.fixture
def guides():
    return {
        "sign": make_guide(slug="sign"),
        "pension": make_guide(
            slug="pension",
            category=category("social-fund"),
            titles={"ky": "Пенсия", "ru": "Пенсия онлайн", "en": "Pension"},
            bodies={"ky": "1. Кабинетке кириңиз.", "ru": "1. Откройте кабинет.", "en": ""},
            documents={},
        ),
        "draft": make_guide(slug="draft", published=False),
    }


def test_only_published_guides_are_public(guides):
    assert _slugs(published_guide_list()) == {"sign", "pension"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("ПАСПОРТ", {"sign"}),  # Cyrillic, another case, the Russian and Kyrgyz body
        ("кабинет", {"pension"}),
        ("passport center", {"sign"}),  # every word must match
        ("passport pension", set()),
        ("Соцфонд", {"pension"}),  # the service's name counts too
        ("   ", {"sign", "pension"}),
        ("nothing-like-this", set()),
    ],
)
def test_search_finds_words_in_any_language(guides, query, expected):
    assert _slugs(published_guide_list(query=query)) == expected


def test_a_very_long_query_is_cut_not_refused(guides):
    assert list(published_guide_list(query="паспорт " * 200))


def test_public_list_is_grouped_by_service_in_the_offices_order(guides):
    assert [g.category.code for g in published_guide_list()] == ["e-signature", "social-fund"]


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2026, 8, 31), 6, datetime.date(2026, 2, 28)),
        (datetime.date(2028, 8, 31), 6, datetime.date(2028, 2, 29)),
        (datetime.date(2026, 3, 15), 6, datetime.date(2025, 9, 15)),
        (datetime.date(2026, 1, 10), 0, datetime.date(2026, 1, 10)),
    ],
)
def test_months_before_keeps_the_day_or_the_months_last_day(day, months, expected):
    assert months_before(day, months) == expected


def test_a_guide_checked_more_than_six_months_ago_is_stale(network):
    today = datetime.date(2026, 9, 15)
    make_guide(slug="old", checked_on=datetime.date(2026, 3, 14))
    make_guide(slug="edge", checked_on=datetime.date(2026, 3, 15))
    make_guide(slug="draft-old", checked_on=datetime.date(2025, 1, 1), published=False)
    national = scope_for(network.users[Role.NATIONAL])
    assert stale_before(today) == datetime.date(2026, 3, 15)
    assert [g.slug for g in stale_guide_list(scope=national, today=today)] == ["draft-old", "old"]
    desk = scope_for(network.users[Role.CENTER])
    assert [g.slug for g in stale_guide_list(scope=desk, today=today)] == ["old"]


def test_the_office_sees_every_guide_the_desks_published_ones_others_none(guides, network):
    assert _slugs(guide_list(scope=scope_for(network.users[Role.NATIONAL]))) == {
        "sign",
        "pension",
        "draft",
    }
    assert _slugs(guide_list(scope=scope_for(network.users[Role.CENTER]))) == {"sign", "pension"}
    for role in (Role.OPERATOR, Role.REGION, Role.ANALYST, Role.PARTNER, Role.FACILITATOR):
        assert not guide_list(scope=scope_for(network.users[role])).exists()


def test_staff_filters_and_counts(guides, network):
    make_guide(slug="stale", checked_on=days_ago(400))
    scope = scope_for(network.users[Role.NATIONAL])
    assert _slugs(guide_list(scope=scope, status="draft")) == {"draft"}
    assert _slugs(guide_list(scope=scope, status="stale")) == {"stale"}
    assert _slugs(guide_list(scope=scope, status="published")) == {"sign", "pension", "stale"}
    counts = guide_counts(scope=scope)
    assert (counts.total, counts.drafts, counts.stale) == (4, 1, 1)
