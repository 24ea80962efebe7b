"""The admin shows tickets; the desk console changes them, through the queue's own rules."""

from bilim.accounts.models import Role
from tests.walkins.conftest import take

URL = "/en/admin/walkins/ticket/"


def test_the_national_office_reads_tickets_and_cannot_add_or_delete(client, network):
    (ticket,) = take(network.center_a1)
    client.force_login(network.users[Role.NATIONAL])
    listing = client.get(URL)
    assert listing.status_code == 200
    assert "001" in listing.content.decode()
    assert client.get(f"{URL}{ticket.pk}/change/").status_code == 200
    assert client.get(f"{URL}add/").status_code == 403
    assert client.get(f"{URL}{ticket.pk}/delete/").status_code == 403
    assert "cancel_waiting" not in listing.content.decode()  # cancelling is the console's job
