"""Every error of the API answers in one shape: ``{"code", "message", "field"}``.

`code` is stable for programs (a device acts on it), `message` is for the person, in the
language of the request (Accept-Language), and `field` names the input it belongs to, or
is null. Domain errors (`BilimError`) answer 400; input that does not fit the schema 422
with code ``invalid``; a missing object 404 with code ``not_found``.
"""

from typing import cast

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext
from ninja import NinjaAPI
from ninja.errors import ValidationError
from ninja.main import Exc

from bilim.core.errors import BilimError

INVALID = "invalid"
NOT_FOUND = "not_found"
# Where ninja says an input came from; the field is the name after it.
_SOURCES = {"body", "query", "path", "header", "cookie", "form", "file"}


def _answer(
    api: NinjaAPI, request: HttpRequest, *, code: str, message: str, field: str | None, status: int
) -> HttpResponse:
    body = {"code": code, "message": message, "field": field}
    return api.create_response(request, body, status=status)


def _field(location: object) -> str | None:
    """Return the input's name from a pydantic location, e.g. ("query", "age") gives "age"."""
    if not isinstance(location, list | tuple):
        return None
    names = [str(part) for part in location if str(part) not in _SOURCES]
    return ".".join(names) or None


def install_error_handlers(api: NinjaAPI) -> None:
    """Make the API answer domain errors, invalid input and 404s as {code, message, field}."""

    # ninja types a handler's argument as "the error or its class"; it always passes the error.
    def domain_error(request: HttpRequest, raised: Exc[BilimError]) -> HttpResponse:
        error = cast(BilimError, raised)
        # The message was rendered when the error was raised, in the request's language.
        return _answer(
            api, request, code=error.code, message=error.message, field=error.field, status=400
        )

    def invalid(request: HttpRequest, raised: Exc[ValidationError]) -> HttpResponse:
        error = cast(ValidationError, raised)
        first = error.errors[0] if error.errors else {}
        return _answer(
            api,
            request,
            code=INVALID,
            message=gettext("This value is not right: check it and send again."),
            field=_field(first.get("loc")),
            status=422,
        )

    def not_found(request: HttpRequest, raised: Exc[Http404]) -> HttpResponse:
        return _answer(
            api,
            request,
            code=NOT_FOUND,
            message=gettext("Nothing was found at this address."),
            field=None,
            status=404,
        )

    api.add_exception_handler(BilimError, domain_error)
    api.add_exception_handler(ValidationError, invalid)
    api.add_exception_handler(Http404, not_found)
