"""Week calendars for staff: a center's rooms, a region's centers, a facilitator's sessions."""

import datetime
from typing import cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bilim.accounts.models import User
from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for
from bilim.centers.models import Center
from bilim.centers.selectors import center_get

from ..selectors import (
    center_week,
    facilitator_get,
    facilitator_week,
    region_choices,
    region_week,
    week_start,
)
from ..services import feed_token_get_or_create, feed_token_regenerate


def _monday(request: HttpRequest) -> datetime.date:
    """The week asked for in ?week=YYYY-MM-DD (any day of it), or this week."""
    try:
        day = datetime.date.fromisoformat(request.GET.get("week", ""))
    except ValueError:
        day = timezone.localdate()
    return week_start(day)


@requires(Capability.VIEW_CENTERS)
def center_calendar(request: HttpRequest, code: str) -> HttpResponse:
    try:
        center = center_get(scope=scope_for(request.user), code=code)
    except Center.DoesNotExist:
        raise Http404 from None
    week = center_week(center=center, monday=_monday(request))
    return render(
        request,
        "scheduling/calendar_center.html",
        {"center": center, "week": week, "today": timezone.localdate()},
    )


@requires(Capability.VIEW_CENTERS)
def region_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    region = get_object_or_404(region_choices(scope=scope_for(request.user)), pk=pk)
    week = region_week(region=region, monday=_monday(request))
    return render(
        request,
        "scheduling/calendar_region.html",
        {"region": region, "week": week, "today": timezone.localdate()},
    )


def _facilitator_page(request: HttpRequest, person: User, *, own: bool) -> HttpResponse:
    week = facilitator_week(user=person, monday=_monday(request))
    context = {"person": person, "week": week, "own": own, "today": timezone.localdate()}
    if own:
        token = feed_token_get_or_create(user=person)
        context["feed_url"] = request.build_absolute_uri(
            reverse("scheduling:feed-facilitator", args=[token.token])
        )
    return render(request, "scheduling/calendar_facilitator.html", context)


@requires(Capability.VIEW_OWN_SESSIONS)
def my_calendar(request: HttpRequest) -> HttpResponse:
    return _facilitator_page(request, cast(User, request.user), own=True)


@requires(Capability.MANAGE_SCHEDULE)
def facilitator_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        person = facilitator_get(scope=scope_for(request.user), pk=pk)
    except User.DoesNotExist:
        raise Http404 from None
    return _facilitator_page(request, person, own=False)


@require_POST
@requires(Capability.VIEW_OWN_SESSIONS)
def my_feed_regenerate(request: HttpRequest) -> HttpResponse:
    feed_token_regenerate(user=cast(User, request.user))
    messages.success(
        request, _("The calendar address was changed. The old address no longer works.")
    )
    return redirect("scheduling:staff-my-calendar")
