import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.partners.conftest import smtp  # noqa: F401 - the real SMTP server fixture


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A client that gave up waiting (the timeout test) is expected, not an error."""


class FakeGateway:
    """An SMS provider on 127.0.0.1: records what it receives, answers as told."""

    def __init__(self) -> None:
        self.received: list[dict[str, object]] = []
        self.status = 200
        self.delay = 0.0
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/send"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    fields = json.loads(raw)
                else:
                    fields = dict(urllib.parse.parse_qsl(raw.decode()))
                gateway.received.append({"fields": fields, "headers": dict(self.headers)})
                time.sleep(gateway.delay)
                body = json.dumps({"id": f"msg-{len(gateway.received)}"}).encode()
                self.send_response(gateway.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        return Handler

    def start(self) -> "FakeGateway":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


@pytest.fixture
def gateway(settings):
    """A running fake gateway, with Bilim's HTTP SMS backend pointed at it."""
    fake = FakeGateway().start()
    settings.SMS_BACKEND = "http"
    settings.SMS_GATEWAY_URL = fake.url
    settings.SMS_GATEWAY_FORMAT = "json"
    settings.SMS_GATEWAY_FIELDS = {"to": "msisdn", "text": "message", "sender": "from"}
    settings.SMS_GATEWAY_SENDER = "Bilim"
    settings.SMS_GATEWAY_AUTH_HEADER = "X-Api-Key"
    settings.SMS_GATEWAY_TOKEN = "secret-token"
    settings.SMS_GATEWAY_ID_FIELD = "id"
    settings.SMS_GATEWAY_TIMEOUT = 2.0
    try:
        yield fake
    finally:
        fake.stop()
