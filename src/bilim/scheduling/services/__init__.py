"""Writes to offerings, sessions and bookings; every calendar write goes through occupancy."""

from .occupancy import Slot, check_people_free, check_room_free, lock_calendars
from .offerings import (
    Series,
    SeriesResult,
    offering_add_series,
    offering_cancel,
    offering_create,
    offering_publish,
    series_days,
    session_cancel,
    session_move,
)

__all__ = [
    "Series",
    "SeriesResult",
    "Slot",
    "check_people_free",
    "check_room_free",
    "lock_calendars",
    "offering_add_series",
    "offering_cancel",
    "offering_create",
    "offering_publish",
    "series_days",
    "session_cancel",
    "session_move",
]
