"""The short link in SMS, /m/<code>: it opens the person's page in their language.

It sits outside the language prefix (three characters fewer in every SMS). Unknown codes
are counted per connection, so that nobody can walk the space of codes.
"""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.decorators.cache import never_cache

from bilim.web.ratelimits import SubmissionLimit

from .selectors import registration_by_link_code


@never_cache
def short_link_open(request: HttpRequest, code: str) -> HttpResponse:
    limit = SubmissionLimit(group="registrations:short-link", rate=settings.SHORT_LINK_MISS_RATE)
    if limit.reached(request):
        return render(request, "registrations/short_link_limit.html", status=429)
    registration = registration_by_link_code(code=code)
    if registration is None:
        limit.count(request)
        raise Http404
    with translation.override(registration.participant.language):
        target = reverse("registrations:mine", args=[registration.token])
    response = HttpResponseRedirect(target)
    # The answer holds the key to the person's page: no cache, proxy or search keeps it.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Referrer-Policy"] = "no-referrer"
    return response
