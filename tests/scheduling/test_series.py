"""Series of sessions, moves and cancellations, against the database."""

import datetime

import pytest

from bilim.scheduling import services
from bilim.scheduling.errors import SchedulingError
from bilim.scheduling.models import Offering, Session
from bilim.scheduling.services import Series, offering_add_series, offering_create
from tests.scheduling.conftest import holiday
from tests.scheduling.factories import at, next_weekday

pytestmark = pytest.mark.django_db

TUE_THU = frozenset({1, 3})


def _offering(network, **kwargs):
    return offering_create(
        program=network.own_program,
        center=network.center_a1,
        format=kwargs.pop("format", Offering.Format.OFFLINE),
        language="ky",
        capacity=15,
        **kwargs,
    )


def _series(first, weeks=2, weekdays=TUE_THU):
    return Series(
        first_day=first,
        last_day=first + datetime.timedelta(weeks=weeks, days=-1),
        weekdays=weekdays,
        starts=datetime.time(18),
        ends=datetime.time(19, 30),
    )


def test_series_skips_a_holiday_in_the_middle_and_creates_the_others(network, room):
    tuesday = next_weekday(1)
    closed_thursday = tuesday + datetime.timedelta(days=2)
    holiday(network.center_a1, closed_thursday, reason="Мамлекеттик майрам")
    offering = _offering(network)

    result = offering_add_series(offering=offering, series=_series(tuesday), room=room)

    created = [s.starts_at for s in result.sessions]
    assert created == [
        at(tuesday, 18),
        at(tuesday + datetime.timedelta(days=7), 18),
        at(tuesday + datetime.timedelta(days=9), 18),
    ]
    assert [e.date for e in result.skipped] == [closed_thursday]
    assert result.skipped[0].reason == "Мамлекеттик майрам"
    assert Session.objects.filter(offering=offering, room=room).count() == 3
    offering.refresh_from_db()
    assert offering.first_starts_at == at(tuesday, 18)
    assert offering.last_ends_at == at(tuesday + datetime.timedelta(days=9), 19, 30)


def test_a_day_with_shorter_hours_is_not_skipped(network, room):
    from bilim.centers.models import OpeningException

    tuesday = next_weekday(1)
    OpeningException.objects.create(
        center=network.center_a1,
        date=tuesday,
        closed=False,
        opens=datetime.time(9),
        closes=datetime.time(20),
    )
    result = offering_add_series(offering=_offering(network), series=_series(tuesday, weeks=1))
    assert len(result.sessions) == 2
    assert result.skipped == []


def test_a_series_in_a_taken_room_creates_nothing(network, room):
    tuesday = next_weekday(1)
    offering_add_series(offering=_offering(network), series=_series(tuesday), room=room)
    second = _offering(network)
    with pytest.raises(SchedulingError, match="Чоң зал"):
        offering_add_series(offering=second, series=_series(tuesday), room=room)
    assert not second.sessions.exists()


def test_a_facilitator_cannot_lead_two_sessions_at_once(network, room, other_room, facilitator):
    tuesday = next_weekday(1)
    first = _offering(network, facilitators=[facilitator])
    offering_add_series(offering=first, series=_series(tuesday, weeks=1), room=room)
    second = _offering(network, facilitators=[facilitator])
    with pytest.raises(SchedulingError, match="Айгүл Осмонова"):
        offering_add_series(offering=second, series=_series(tuesday, weeks=1), room=other_room)


def test_moving_and_cancelling_go_through_the_one_notification_point(
    network, room, monkeypatch, django_capture_on_commit_callbacks
):
    calls = []
    monkeypatch.setattr(
        services.offerings, "participants_notify_change", lambda **kw: calls.append(kw)
    )
    tuesday = next_weekday(1)
    offering = _offering(network)
    first, second, *_ = offering_add_series(
        offering=offering, series=_series(tuesday), room=room
    ).sessions
    with django_capture_on_commit_callbacks(execute=True):
        services.session_move(
            session=first,
            starts_at=at(tuesday, 10),
            ends_at=at(tuesday, 11),
            room=room,
        )
    with django_capture_on_commit_callbacks(execute=True):
        services.session_cancel(session=second, reason="Алып баруучу ооруп калды")
    with django_capture_on_commit_callbacks(execute=True):
        services.offering_cancel(offering=offering, reason="Катышуучулар аз")

    assert [c["change"] for c in calls] == [
        services.Change.SESSION_MOVED,
        services.Change.SESSION_CANCELLED,
        services.Change.OFFERING_CANCELLED,
    ]
    assert calls[0]["session_ids"] == [first.pk]
    assert second.pk not in calls[2]["session_ids"]  # already cancelled, not told twice
    assert len(calls[2]["session_ids"]) == 3
