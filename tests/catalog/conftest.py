"""A small catalog: programs in three languages, offerings at two far-apart centers and online."""

import datetime
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone

from bilim.programs.models import Audience, Program, Theme
from bilim.scheduling.models import Offering
from tests.factories import CenterFactory, DirectionFactory, DistrictFactory, ProgramFactory
from tests.scheduling.factories import OfferingFactory, SessionFactory, at, next_weekday


def offering_with_sessions(*, days: list[datetime.date], **kwargs) -> Offering:
    """A published offering with one 18:00 session on each day."""
    offering = OfferingFactory(**kwargs)
    for day in days:
        SessionFactory(offering=offering, starts_at=at(day, 18), ends_at=at(day, 19, 30))
    return Offering.objects.get(pk=offering.pk)


@pytest.fixture
def catalog(db):
    return build_catalog()


def build_catalog() -> SimpleNamespace:
    today = timezone.localdate()
    # Naryn in the middle of the country, Osh in the south: about 250 km apart.
    naryn = DistrictFactory(
        name_en="Naryn district", latitude=Decimal("41.43"), longitude=Decimal("75.99")
    )
    osh = DistrictFactory(name_en="Osh city", latitude=Decimal("40.53"), longitude=Decimal("72.80"))
    center_naryn = CenterFactory(
        district=naryn, name_en="Naryn center", latitude=naryn.latitude, longitude=naryn.longitude
    )
    center_osh = CenterFactory(
        district=osh, name_en="Osh center", latitude=osh.latitude, longitude=osh.longitude
    )
    theme = Theme.objects.create(
        code="elections",
        name="Шайлоо",
        name_ky="Шайлоо",
        name_ru="Выборы",
        name_en="Elections",
    )
    voters = ProgramFactory(
        code="voters",
        title_ky="Шайлоочунун укуктары",
        title_ru="Права избирателя",
        title_en="Rights of a voter",
        title="Шайлоочунун укуктары",
        summary_ky="Добуш берүү тууралуу",
        summary_ru="О голосовании",
        summary_en="About voting",
        summary="Добуш берүү тууралуу",
    )
    voters.themes.add(theme)
    voters.audiences.add(Audience.objects.get(code="youth"))
    digital = ProgramFactory(
        code="phone",
        title_ky="Телефон менен Түндүк",
        title_ru="Тундук с телефона",
        title_en="Tunduk on the phone",
        title="Телефон менен Түндүк",
        direction=DirectionFactory(code="digital", name_en="Digital education"),
    )
    draft = ProgramFactory(code="draft", title_en="Draft voters", status=Program.Status.DRAFT)
    week = next_weekday(1)
    at_osh = offering_with_sessions(
        program=voters, center=center_osh, language="ru", days=[week, week + datetime.timedelta(7)]
    )
    at_naryn = offering_with_sessions(
        program=voters,
        center=center_naryn,
        language="ky",
        days=[week + datetime.timedelta(1), week + datetime.timedelta(8)],
    )
    online = offering_with_sessions(
        program=voters,
        center=None,
        format=Offering.Format.ONLINE,
        language="ky",
        days=[week + datetime.timedelta(2)],
    )
    full = offering_with_sessions(
        program=digital,
        center=center_naryn,
        language="ky",
        capacity=10,
        days=[week + datetime.timedelta(21)],
    )
    Offering.objects.filter(pk=full.pk).update(confirmed_count=10)
    past = offering_with_sessions(
        program=digital, center=center_osh, language="ru", days=[today - datetime.timedelta(7)]
    )
    offering_with_sessions(program=draft, center=center_osh, days=[week])
    return SimpleNamespace(
        naryn=naryn,
        osh=osh,
        center_naryn=center_naryn,
        center_osh=center_osh,
        voters=voters,
        digital=digital,
        draft=draft,
        at_osh=at_osh,
        at_naryn=at_naryn,
        online=online,
        full=full,
        past=past,
        week=week,
    )
