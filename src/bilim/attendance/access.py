"""Who reaches the check-in pages, and which sessions they may run."""

from typing import cast

from django.http import Http404, HttpRequest
from django_htmx.middleware import HtmxDetails

from bilim.accounts.models import User
from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability
from bilim.scheduling.models import Session

from .selectors import checkin_session_get


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's middleware."""

    htmx: HtmxDetails


# Center managers, regional coordinators and the national office for their area;
# facilitators for their own groups (the selector decides which sessions).
requires_check_in = requires(Capability.MANAGE_SCHEDULE, Capability.VIEW_OWN_SESSIONS)


def staff_user(request: HttpRequest) -> User:
    return cast(User, request.user)


def scoped_session(request: HttpRequest, pk: int) -> Session:
    """The session if the user may run it; 404 otherwise, so others learn nothing of it."""
    try:
        return checkin_session_get(user=staff_user(request), pk=pk)
    except Session.DoesNotExist:
        raise Http404 from None
