"""Who reaches the check-in pages, and which sessions they may run."""

from collections.abc import Callable
from functools import wraps
from typing import Any, cast

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django_htmx.middleware import HtmxDetails

from bilim.accounts.models import User
from bilim.accounts.selectors import scope_for
from bilim.scheduling.models import Session

from .selectors import can_check_in, checkin_session_get

View = Callable[..., HttpResponse]


class HtmxHttpRequest(HttpRequest):
    """A request that went through django-htmx's middleware."""

    htmx: HtmxDetails


def requires_check_in(view: View) -> View:
    """Let through the staff who run check-in; which sessions they reach is the selector's."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_check_in(scope_for(request.user)):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def staff_user(request: HttpRequest) -> User:
    return cast(User, request.user)


def scoped_session(request: HttpRequest, pk: int) -> Session:
    """The session if the user may run it; 404 otherwise, so others learn nothing of it."""
    try:
        return checkin_session_get(user=staff_user(request), pk=pk)
    except Session.DoesNotExist:
        raise Http404 from None
