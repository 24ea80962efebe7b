"""Offerings, sessions and bookings for tests; times are in Asia/Bishkek."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from bilim.scheduling.models import Offering, Session, SpaceBooking
from tests.factories import CenterFactory, ProgramFactory


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """An aware datetime on `day` at hour:minute, Bishkek time."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def next_weekday(weekday: int, after: datetime.date | None = None) -> datetime.date:
    """The first date after `after` (default: today) that falls on `weekday` (0 = Monday)."""
    day = (after or timezone.localdate()) + datetime.timedelta(days=1)
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


class OfferingFactory(DjangoModelFactory[Offering]):
    class Meta:
        model = Offering

    program = factory.SubFactory(ProgramFactory)
    center = factory.SubFactory(CenterFactory)
    format = Offering.Format.OFFLINE
    language = "ky"
    capacity = 20
    status = Offering.Status.PUBLISHED


class SessionFactory(DjangoModelFactory[Session]):
    """A session one week ahead, 18:00–19:30; set `room` to put it on a room calendar."""

    class Meta:
        model = Session
        skip_postgeneration_save = True

    offering = factory.SubFactory(OfferingFactory)
    starts_at = factory.LazyFunction(lambda: at(next_weekday(1), 18))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + datetime.timedelta(minutes=90))

    @factory.post_generation
    def span(obj, create, extracted, **kwargs):
        """Keep the offering's first/last dates in step, as the services do."""
        if not create:
            return
        offering = obj.offering
        starts = [s.starts_at for s in offering.sessions.all()]
        ends = [s.ends_at for s in offering.sessions.all()]
        offering.first_starts_at, offering.last_ends_at = min(starts), max(ends)
        offering.save(update_fields=["first_starts_at", "last_ends_at"])


class SpaceBookingFactory(DjangoModelFactory[SpaceBooking]):
    class Meta:
        model = SpaceBooking

    center = factory.SubFactory(CenterFactory)
    purpose = SpaceBooking.Purpose.ROUND_TABLE
    title = "Жаштар менен тегерек стол"
    expected_attendance = 15
    starts_at = factory.LazyFunction(lambda: at(next_weekday(2), 15))
    ends_at = factory.LazyAttribute(lambda b: b.starts_at + datetime.timedelta(hours=2))
    requester_name = "Айпери Садыкова"
    phone = "+996555123456"
