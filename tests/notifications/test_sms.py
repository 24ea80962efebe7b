"""SMS backends, the HTTP one against a fake gateway over real HTTP."""

import json
import socket

import pytest

from bilim.notifications.sms import (
    FileBackend,
    HttpGatewayBackend,
    SmsPermanentError,
    SmsTemporaryError,
    get_backend,
    segments,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("€" * 80, 1),  # an extended character counts twice
        ("€" * 81, 2),
        ("ө" * 70, 1),  # Cyrillic: 70 in one segment
        ("ө" * 71, 2),
        ("ө" * 134, 2),  # 67 per part once split
        ("ө" * 135, 3),
    ],
)
def test_segments_follow_the_encoding(text, expected):
    assert segments(text) == expected


def test_http_gateway_gets_the_message_with_the_providers_field_names(gateway):
    provider_id = get_backend().send("+996555123456", "Сабак эртең саат 18:00до.")
    assert provider_id == "msg-1"
    [request] = gateway.received
    assert request["fields"] == {
        "msisdn": "+996555123456",
        "message": "Сабак эртең саат 18:00до.",
        "from": "Bilim",
    }
    assert request["headers"]["X-Api-Key"] == "secret-token"


def test_http_gateway_in_form_format(gateway, settings):
    settings.SMS_GATEWAY_FORMAT = "form"
    get_backend().send("+996700000001", "Салам")
    assert gateway.received[0]["fields"]["message"] == "Салам"
    assert gateway.received[0]["headers"]["Content-Type"] == "application/x-www-form-urlencoded"


@pytest.mark.parametrize("status", [500, 502, 503, 429])
def test_gateway_trouble_is_worth_a_retry(gateway, status):
    gateway.status = status
    with pytest.raises(SmsTemporaryError, match=str(status)):
        get_backend().send("+996555123456", "x")


@pytest.mark.parametrize("status", [400, 401, 403, 422])
def test_refused_request_is_not_retried(gateway, status):
    gateway.status = status
    with pytest.raises(SmsPermanentError, match=str(status)):
        get_backend().send("+996555123456", "x")


def test_slow_gateway_times_out_as_temporary(gateway, settings):
    settings.SMS_GATEWAY_TIMEOUT = 0.3
    gateway.delay = 1.0
    with pytest.raises(SmsTemporaryError):
        get_backend().send("+996555123456", "x")


def test_unreachable_gateway_is_temporary():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    backend = HttpGatewayBackend(url=f"http://127.0.0.1:{port}/send", timeout=1)
    with pytest.raises(SmsTemporaryError):
        backend.send("+996555123456", "x")


def test_only_http_addresses_are_used():
    with pytest.raises(SmsPermanentError):
        HttpGatewayBackend(url="file:///etc/passwd").send("+996555123456", "x")


def test_file_backend_appends_one_json_line_per_message(tmp_path):
    path = tmp_path / "sms.jsonl"
    backend = FileBackend(path)
    backend.send("+996555123456", "Биринчи")
    backend.send("+996555123457", "Экинчи")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [(r["to"], r["text"]) for r in lines] == [
        ("+996555123456", "Биринчи"),
        ("+996555123457", "Экинчи"),
    ]
