"""The one base of every domain error: a stable code, an optional field, a translated message.

Each app keeps its own exception class (`RegistrationError`, `CentersError`, …) derived
from `BilimError`, and lists its messages in its `errors.py` as `ErrorMessage` constants:

    REGISTRATION_CLOSED = ErrorMessage("registration_closed", _("Registration … is closed."))
    raise RegistrationError(REGISTRATION_CLOSED)
    raise RegistrationError(TOO_YOUNG, params={"age": 16})

The code is for machines (the API, the offline sync, tests): short snake_case, never
reworded once released. The message is for the person and is rendered when the error is
raised, in the language active then (the request's), so a constant built at import time
still reads in the visitor's language.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypedDict, Unpack

if TYPE_CHECKING:
    # What gettext_lazy and ngettext_lazy give, or an already translated text.
    from django_stubs_ext import StrOrPromise as Text


class ErrorMessage:
    """One kind of error: its stable code and the sentence a person reads."""

    __slots__ = ("code", "text")

    def __init__(self, code: str, text: Text) -> None:
        self.code = code
        self.text = text

    def __str__(self) -> str:
        return str(self.text)

    def __mod__(self, params: Mapping[str, Any]) -> str:
        return str(self.text % params)

    def __repr__(self) -> str:
        return f"ErrorMessage({self.code!r})"


class ErrorOptions(TypedDict, total=False):
    """What a raise may add to the message; a subclass's own arguments come on top."""

    params: Mapping[str, Any] | None
    field: str | None
    code: str


class BilimError(Exception):
    """A rule was broken; `message` says so to the person acting, `code` to a program.

    `field` names the form field (or API field) the message belongs beside, or is None
    for the whole form. A plain text needs an explicit `code`.
    """

    def __init__(self, message: ErrorMessage | Text, **options: Unpack[ErrorOptions]) -> None:
        text = message.text if isinstance(message, ErrorMessage) else message
        code = options.get("code") or (message.code if isinstance(message, ErrorMessage) else "")
        if not code:
            raise ValueError("A BilimError needs a code: pass an ErrorMessage or code=.")
        self.code: str = code
        params = options.get("params")
        # Rendered now, in the language of the request that raised it.
        self.message = str(text % params) if params else str(text)
        self.field = options.get("field")
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as it is (a worker may hand it to another process): rebuilding it from
        # its text alone would lose the code.
        return (_rebuild, (type(self), self.__dict__.copy()))

    def as_dict(self) -> dict[str, str | None]:
        """Return the error as the API answers it: code, message and field."""
        return {"code": self.code, "message": self.message, "field": self.field}


def _rebuild(cls: type[BilimError], state: dict[str, Any]) -> BilimError:
    error = cls.__new__(cls)
    Exception.__init__(error, state["message"])
    error.__dict__.update(state)
    return error
