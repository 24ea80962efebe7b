"""iCalendar feeds: a center's and an offering's sessions, and a facilitator's own."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from bilim.centers.models import Center

from ..ical import calendar_bytes
from ..models import CalendarFeedToken, Offering
from ..selectors import (
    center_feed_sessions,
    facilitator_feed_sessions,
    feed_center_get,
    feed_offering_get,
    offering_feed_sessions,
)

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _ics(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def center_feed(request: HttpRequest, code: str) -> HttpResponse:
    try:
        center = feed_center_get(code=code)
    except Center.DoesNotExist:
        raise Http404 from None
    body = calendar_bytes(name=center.name, sessions=center_feed_sessions(center=center))
    return _ics(body, f"{center.code}.ics")


def offering_feed(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        offering = feed_offering_get(pk=pk)
    except Offering.DoesNotExist:
        raise Http404 from None
    sessions = offering_feed_sessions(offering=offering)
    return _ics(calendar_bytes(name=offering.program.title, sessions=sessions), f"{pk}.ics")


def facilitator_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The person's own sessions with their meeting links; the secret is the only key."""
    feed = (
        CalendarFeedToken.objects.select_related("user")
        .filter(token=token, user__is_active=True)
        .first()
    )
    if feed is None:
        raise Http404
    body = calendar_bytes(
        name=_("My sessions"),
        sessions=facilitator_feed_sessions(user=feed.user),
        with_stream=True,
    )
    response = _ics(body, "sessions.ics")
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
