"""SMS backends: chosen by SMS_BACKEND ("console", "file", "http", or a dotted path).

A backend's `send(to, text)` returns the provider's message id, or raises
SmsTemporaryError (try again later) or SmsPermanentError (do not retry).
"""

import json
import logging
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any, Protocol

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

# The GSM 03.38 basic character set: messages written only with it fit 160 per segment.
GSM7 = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = frozenset("^{}\\[~]|€")


class SmsError(Exception):
    """The gateway did not take the message."""


class SmsTemporaryError(SmsError):
    """Worth trying again later: the gateway is down, slow or overloaded."""


class SmsPermanentError(SmsError):
    """Trying again will not help: the number or the request was refused."""


class SmsBackend(Protocol):
    def send(self, to: str, text: str) -> str: ...


def gsm7(text: str) -> bool:
    """Whether the text is written only with the GSM alphabet (160 characters a segment)."""
    return all(c in GSM7 or c in GSM7_EXTENDED for c in text)


def segments(text: str) -> int:
    """How many SMS segments the text takes (Cyrillic: 70 characters in one, 67 per part)."""
    if gsm7(text):
        length = len(text) + sum(1 for c in text if c in GSM7_EXTENDED)
        single, part = 160, 153
    else:
        # UCS-2: characters outside the Basic Multilingual Plane take two units.
        length = sum(2 if ord(c) > 0xFFFF else 1 for c in text)
        single, part = 70, 67
    return 1 if length <= single else -(-length // part)


class ConsoleBackend:
    """Development: write each message to the log."""

    def send(self, to: str, text: str) -> str:
        logger.info("SMS to %s: %s", to, text)
        return ""


class FileBackend:
    """Development and demos: append each message to SMS_FILE_PATH, one JSON per line."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path or settings.SMS_FILE_PATH)

    def send(self, to: str, text: str) -> str:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        record = {"to": to, "text": text, "at": timezone.now().isoformat()}
        with self.path.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        return ""


class HttpGatewayBackend:
    """A generic HTTP gateway: one POST per message, fields named as the provider wants.

    Settings: SMS_GATEWAY_URL; SMS_GATEWAY_FORMAT "json" or "form"; SMS_GATEWAY_FIELDS
    mapping our names (to, text, sender) to the provider's; SMS_GATEWAY_SENDER;
    SMS_GATEWAY_AUTH_HEADER and SMS_GATEWAY_TOKEN; SMS_GATEWAY_ID_FIELD, the response
    field holding the provider's message id; SMS_GATEWAY_TIMEOUT in seconds.
    """

    def __init__(self, **options: Any) -> None:
        self.url: str = options.get("url", settings.SMS_GATEWAY_URL)
        self.format: str = options.get("format", settings.SMS_GATEWAY_FORMAT)
        self.fields: dict[str, str] = options.get("fields", settings.SMS_GATEWAY_FIELDS)
        self.sender: str = options.get("sender", settings.SMS_GATEWAY_SENDER)
        self.auth_header: str = options.get("auth_header", settings.SMS_GATEWAY_AUTH_HEADER)
        self.token: str = options.get("token", settings.SMS_GATEWAY_TOKEN)
        self.id_field: str = options.get("id_field", settings.SMS_GATEWAY_ID_FIELD)
        self.timeout: float = options.get("timeout", settings.SMS_GATEWAY_TIMEOUT)

    def _request(self, to: str, text: str) -> urllib.request.Request:
        values = {"to": to, "text": text, "sender": self.sender}
        payload = {self.fields.get(k, k): v for k, v in values.items() if v}
        if self.format == "json":
            data = json.dumps(payload, ensure_ascii=False).encode()
            content_type = "application/json; charset=utf-8"
        else:
            data = urllib.parse.urlencode(payload).encode()
            content_type = "application/x-www-form-urlencoded"
        headers = {"Content-Type": content_type, "Accept": "application/json"}
        if self.auth_header and self.token:
            headers[self.auth_header] = self.token
        # The scheme is checked in send(): only http(s), never file: or others.
        return urllib.request.Request(self.url, data=data, headers=headers, method="POST")  # noqa: S310

    def send(self, to: str, text: str) -> str:
        if not self.url.startswith(("https://", "http://")):
            raise SmsPermanentError("SMS_GATEWAY_URL is not an http(s) address")
        try:
            with urllib.request.urlopen(self._request(to, text), timeout=self.timeout) as reply:  # noqa: S310 - the URL comes from settings
                body = reply.read(65536)
        except urllib.error.HTTPError as error:
            detail = f"HTTP {error.code}: {error.read(500).decode(errors='replace')}"
            if error.code == 429 or error.code >= 500:
                raise SmsTemporaryError(detail) from error
            raise SmsPermanentError(detail) from error
        except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
            raise SmsTemporaryError(f"gateway unreachable: {error}") from error
        if not self.id_field:
            return ""
        try:
            return str(json.loads(body).get(self.id_field, ""))
        except (ValueError, AttributeError):
            return ""


BACKENDS = {"console": ConsoleBackend, "file": FileBackend, "http": HttpGatewayBackend}


def get_backend() -> SmsBackend:
    """Return the configured SMS backend."""
    name = settings.SMS_BACKEND
    backend_class = BACKENDS.get(name) or import_string(name)
    backend: SmsBackend = backend_class()
    return backend
