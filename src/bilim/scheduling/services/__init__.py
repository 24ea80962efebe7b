"""Writes to offerings, sessions and bookings; every calendar write goes through occupancy."""

from .feed_tokens import feed_token_get_or_create, feed_token_regenerate
from .occupancy import Slot, check_people_free, check_room_free, lock_calendars
from .offerings import (
    Change,
    Series,
    SeriesResult,
    offering_add_series,
    offering_cancel,
    offering_create,
    offering_publish,
    participants_notify_change,
    series_days,
    session_cancel,
    session_move,
)

__all__ = [
    "Change",
    "Series",
    "SeriesResult",
    "Slot",
    "check_people_free",
    "check_room_free",
    "feed_token_get_or_create",
    "feed_token_regenerate",
    "lock_calendars",
    "offering_add_series",
    "offering_cancel",
    "offering_create",
    "offering_publish",
    "participants_notify_change",
    "series_days",
    "session_cancel",
    "session_move",
]
