"""The admin shows tickets but changes them only through the queue's own rules."""

from bilim.accounts.models import Role
from bilim.walkins.models import Ticket
from bilim.walkins.services import ticket_call_next
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


def test_the_cancel_action_cancels_only_waiting_numbers(client, network):
    first, second = take(network.center_a1, 2)
    ticket_call_next(center=network.center_a1, desk="1", user=None)
    client.force_login(network.users[Role.NATIONAL])
    response = client.post(
        URL, {"action": "cancel_waiting", "_selected_action": [first.pk, second.pk]}, follow=True
    )
    assert "Numbers cancelled: 1." in response.content.decode()
    statuses = dict(Ticket.objects.values_list("number", "status"))
    assert statuses == {1: Ticket.Status.CALLED, 2: Ticket.Status.CANCELLED}
