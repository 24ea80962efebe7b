from typing import cast

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from bilim.accounts.models import User
from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for
from bilim.centers.models import Center
from bilim.centers.selectors import center_list, region_center_counts
from bilim.notifications.selectors import trouble_count
from bilim.partners.selectors import application_counts, direction_list, partner_list
from bilim.programs.selectors import program_list, published_program_list
from bilim.scheduling.booking_selectors import booking_counts

from .day import center_day, day_center_choices
from .fragments import cached_part
from .selectors import network_figures, staff_figures

# The figures and the catalog on the home page may be two minutes old.
HOME_SECONDS = 120


def _home_body(request: HttpRequest) -> str:
    return render_to_string(
        "web/includes/home_body.html",
        {
            "stats": network_figures(),
            "directions": direction_list(),
            "programs": published_program_list().order_by("direction__position", "code"),
            "regions": region_center_counts(),
        },
        request,
    )


def home(request: HttpRequest) -> HttpResponse:
    body = cached_part("home", lambda: _home_body(request), timeout=HOME_SECONDS)
    return render(request, "web/home.html", {"body": mark_safe(body)})  # noqa: S308 - our own template output


# The center whose day the staff home shows, kept while a coordinator goes through pages.
DAY_CENTER = "staff_day_center"


def _day_center(request: HttpRequest, centers: list[Center]) -> Center | None:
    """The center asked for, else the one chosen before, else the first; only within scope."""
    by_code = {center.code: center for center in centers}
    wanted = request.GET.get("center", "")
    if wanted in by_code:
        request.session[DAY_CENTER] = wanted
        return by_code[wanted]
    # A center outside the scope (an old bookmark, an edited address) is ignored.
    return by_code.get(request.session.get(DAY_CENTER, "")) or next(iter(centers), None)


@requires(Capability.VIEW_STAFF_HOME)
def staff_home(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    user = cast(User, request.user)
    day_centers = day_center_choices(scope=scope)
    center = _day_center(request, day_centers)
    return render(
        request,
        "web/staff/home.html",
        {
            "day": center_day(user=user, scope=scope, center=center) if center else None,
            "day_centers": day_centers if len(day_centers) > 1 else [],
            "figures": staff_figures(scope=scope),
            "centers": center_list(scope=scope)[:50] if scope.can(Capability.VIEW_CENTERS) else [],
            "programs": program_list(scope=scope)[:50],
            "application_counts": application_counts(scope=scope),
            "message_trouble": trouble_count(scope=scope),
            "pending_bookings": booking_counts(scope=scope)["pending"],
            "expiring_partners": partner_list(
                scope=scope, today=timezone.localdate(), expiring_only=True
            ).count(),
            "roles": user.role_assignments.select_related("region", "center", "partner"),
        },
    )


def healthz(request: HttpRequest) -> HttpResponse:
    """Answer 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:  # any database failure means unhealthy, whatever its class
        return JsonResponse({"status": "unavailable"}, status=503)
    return JsonResponse({"status": "ok"})
