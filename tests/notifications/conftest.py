import json
import socket
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


def _pipe(source: socket.socket, sink: socket.socket) -> None:
    try:
        while data := source.recv(65536):
            sink.sendall(data)
        sink.shutdown(socket.SHUT_WR)
    except OSError:
        pass


class HangingRelay:
    """A server on 127.0.0.1 in front of a real one (SMTP, an SMS gateway).

    Its next `hang` connections are accepted and never answered, as by a mail server that
    hangs; `hung` is set once one was. Later connections reach the real server.
    """

    def __init__(self, port: int, hang: int = 0) -> None:
        self.target = ("127.0.0.1", port)
        self.hang = hang
        self.hung = threading.Event()
        self._held: list[socket.socket] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(0.1)
        self.port: int = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                client, _address = self._listener.accept()
            except TimeoutError:
                continue
            if self.hang > 0:
                self.hang -= 1
                self._held.append(client)
                self.hung.set()
                continue
            upstream = socket.create_connection(self.target)
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=_pipe, args=(source, sink), daemon=True).start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()
        self._listener.close()
        for held in self._held:
            held.close()


@pytest.fixture
def hanging_smtp(smtp, settings):  # noqa: F811 - the imported fixture, by name
    """The real SMTP server behind a relay whose first connection hangs; its inbox."""
    relay = HangingRelay(settings.EMAIL_PORT, hang=1)
    settings.EMAIL_PORT = relay.port
    try:
        yield relay, smtp
    finally:
        relay.stop()


@pytest.fixture
def hanging_gateway(gateway, settings):
    """The fake SMS gateway behind a relay whose first connection hangs; the gateway."""
    port = int(gateway.url.rsplit(":", 1)[1].split("/")[0])
    relay = HangingRelay(port, hang=1)
    settings.SMS_GATEWAY_URL = f"http://127.0.0.1:{relay.port}/send"
    try:
        yield relay, gateway
    finally:
        relay.stop()
