from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe

from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for
from bilim.centers.selectors import center_list, region_center_counts
from bilim.notifications.selectors import trouble_count
from bilim.partners.selectors import application_counts, direction_list, partner_list
from bilim.programs.selectors import program_list, published_program_list
from bilim.scheduling.booking_selectors import booking_counts

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


@requires(Capability.VIEW_STAFF_HOME)
def staff_home(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    return render(
        request,
        "web/staff/home.html",
        {
            "figures": staff_figures(scope=scope),
            "centers": center_list(scope=scope)[:50] if scope.can(Capability.VIEW_CENTERS) else [],
            "programs": program_list(scope=scope)[:50],
            "application_counts": application_counts(scope=scope),
            "message_trouble": trouble_count(scope=scope),
            "pending_bookings": booking_counts(scope=scope)["pending"],
            "expiring_partners": partner_list(
                scope=scope, today=timezone.localdate(), expiring_only=True
            ).count(),
            "roles": request.user.role_assignments.select_related(  # type: ignore[union-attr]
                "region", "center", "partner"
            ),
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
