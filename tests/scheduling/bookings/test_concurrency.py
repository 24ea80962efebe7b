"""Two managers approve overlapping requests into one room at the same moment."""

import datetime
import threading
import time

import pytest
from django.db import connection, connections
from django.utils import translation

from bilim.accounts.models import Role
from bilim.scheduling.errors import SchedulingError
from bilim.scheduling.models import SpaceBooking
from bilim.scheduling.services.bookings import booking_approve
from tests.scheduling.factories import SpaceBookingFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: SQLite serialises every write, so the row lock is not exercised",
    ),
]


def test_simultaneous_approvals_into_one_room_let_exactly_one_through(
    network, pending, hall, monkeypatch
):
    # Widen the race: each approval waits after finding the room free, before writing.
    # Without the room lock both would then write; with it the second one waits and sees
    # the first.
    from bilim.scheduling.services import bookings

    original = bookings.check_room_free

    def slow_check(**kwargs):
        original(**kwargs)
        time.sleep(0.5)

    monkeypatch.setattr(bookings, "check_room_free", slow_check)
    other = SpaceBookingFactory(
        center=network.center_a1,
        starts_at=pending.starts_at + datetime.timedelta(minutes=30),
        ends_at=pending.ends_at + datetime.timedelta(minutes=30),
    )
    deciders = [network.users[Role.CENTER], network.users[Role.REGION]]
    barrier = threading.Barrier(2)
    outcomes: list[str] = ["", ""]

    def approve(index: int, booking: SpaceBooking) -> None:
        translation.activate("en")
        try:
            barrier.wait()
            booking_approve(booking=booking, room=hall, decided_by=deciders[index])
            outcomes[index] = "approved"
        except SchedulingError as error:
            outcomes[index] = error.message
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=approve, args=(i, b)) for i, b in enumerate([pending, other])
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes.count("approved") == 1, outcomes
    [refusal] = [o for o in outcomes if o != "approved"]
    assert "is already taken" in refusal
    statuses = sorted(SpaceBooking.objects.values_list("status", flat=True))
    assert statuses == ["approved", "pending"]
