from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for

from .models import Center
from .selectors import center_get, center_table


@requires(Capability.VIEW_CENTERS)
def center_list(request: HttpRequest) -> HttpResponse:
    centers = center_table(scope=scope_for(request.user))
    return render(request, "centers/center_list.html", {"centers": centers})


@requires(Capability.VIEW_CENTERS)
def center_detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        center = center_get(scope=scope_for(request.user), code=code)
    except Center.DoesNotExist:
        # Out of scope looks the same as absent: no hint that the center exists.
        raise Http404 from None
    return render(request, "centers/center_detail.html", {"center": center})
