"""View decorator that guards staff pages by capability."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from .selectors import Capability, scope_for

View = Callable[..., HttpResponseBase]


def requires(capability: Capability) -> Callable[[View], View]:
    """Let a signed-in user through only if one of their roles has the capability."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not scope_for(request.user).can(capability):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
