"""Staff see the messages that could not be sent, within their scope, and send them again."""

import pytest
from django.urls import reverse
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.notifications.models import Message

ALLOWED = {Role.NATIONAL, Role.REGION, Role.CENTER}


def _failed(center, recipient):
    return Message.objects.create(
        channel=Message.Channel.SMS,
        recipient=recipient,
        body="x",
        kind="reminder-24h",
        center=center,
        status=Message.Status.FAILED,
        attempts=6,
        last_error="SmsTemporaryError: HTTP 503",
        next_attempt_at=timezone.now(),
    )


@pytest.mark.parametrize("role", list(Role))
def test_each_role_opens_the_page_or_is_refused(client, network, role):
    client.force_login(network.users[role])
    response = client.get(reverse("notifications:trouble-list"))
    assert response.status_code == (200 if role in ALLOWED else 403)


def test_anonymous_is_sent_to_sign_in(client, db):
    response = client.get(reverse("notifications:trouble-list"))
    assert response.status_code == 302


def test_center_manager_sees_only_their_centers_failures(client, network):
    _failed(network.center_a1, "+996555000001")
    _failed(network.center_a2, "+996555000002")
    _failed(None, "+996555000003")
    seen = {}
    for role in ALLOWED:
        client.force_login(network.users[role])
        page = client.get(reverse("notifications:trouble-list")).content.decode()
        seen[role] = {n for n in ("000001", "000002", "000003") if n in page}
    assert seen[Role.CENTER] == {"000001"}
    assert seen[Role.REGION] == {"000001", "000002"}
    assert seen[Role.NATIONAL] == {"000001", "000002", "000003"}


def test_send_again_delivers_the_message_and_it_leaves_the_list(
    client, network, settings, django_capture_on_commit_callbacks
):
    settings.SMS_BACKEND = "bilim.notifications.sms.ConsoleBackend"
    message = _failed(network.center_a1, "+996555000001")
    client.force_login(network.users[Role.CENTER])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("notifications:send-again", args=[message.pk]))
    assert response.status_code == 302
    message.refresh_from_db()
    assert (message.status, message.attempts) == (Message.Status.SENT, 1)
    page = client.get(response["Location"]).content.decode()
    assert "+996555000001" not in page


def test_send_again_outside_scope_is_not_found(client, network):
    message = _failed(network.center_b1, "+996555000009")
    client.force_login(network.users[Role.CENTER])
    response = client.post(reverse("notifications:send-again", args=[message.pk]))
    assert response.status_code == 404
    message.refresh_from_db()
    assert message.status == Message.Status.FAILED


def test_staff_home_counts_the_failures(client, network):
    _failed(network.center_a1, "+996555000001")
    _failed(network.center_a1, "+996555000002")
    client.force_login(network.users[Role.CENTER])
    page = client.get("/en/staff/").content.decode()
    assert "2 messages could not be sent" in page


def test_the_list_shows_how_many_parts_an_sms_takes(client, network):
    message = _failed(network.center_a1, "+996555000001")
    Message.objects.filter(pk=message.pk).update(segments=2)
    client.force_login(network.users[Role.CENTER])
    page = client.get("/en/staff/messages/").content.decode()
    assert "2 SMS parts" in page
