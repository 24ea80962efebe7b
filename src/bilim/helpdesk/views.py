"""The help-desk page: log a consultation, see today's at the center."""

from typing import cast

from django.contrib import messages
from django.db.models import QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from bilim.accounts.models import User
from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for
from bilim.centers.models import Center

from .errors import HelpdeskError
from .forms import ConsultationForm
from .selectors import consultations_today, helpdesk_center_choices
from .services import consultation_create

# Kept between consultations: a desk works one center, and a phone shift stays on the phone.
LAST_CENTER = "helpdesk_center"
LAST_CHANNEL = "helpdesk_channel"


def _center(request: HttpRequest, centers: QuerySet[Center]) -> Center | None:
    wanted = request.POST.get("center") or request.GET.get("center")
    wanted = wanted or request.session.get(LAST_CENTER)
    if wanted and str(wanted).isdigit():
        center = centers.filter(pk=int(wanted)).first()
        if center is not None:
            return center
    return centers.first()


@requires(Capability.LOG_CONSULTATIONS)
def consultation_log(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    centers = helpdesk_center_choices(scope=scope)
    center = _center(request, centers)
    initial = {"center": center, "channel": request.session.get(LAST_CHANNEL, "walk_in")}
    data = None
    if request.method == "POST":
        data = request.POST.copy()
        data.setdefault("center", str(center.pk) if center else "")
    form = ConsultationForm(data, centers=centers, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = consultation_create(
                entered_by=cast(User, request.user), **form.consultation_fields()
            )
        except HelpdeskError as error:
            form.add_error(error.field, error.message)
        else:
            request.session[LAST_CENTER] = consultation.center_id
            request.session[LAST_CHANNEL] = consultation.channel
            messages.success(
                request,
                _("Saved: %(service)s — %(outcome)s.")
                % {
                    "service": consultation.category.name,
                    "outcome": consultation.get_outcome_display(),
                },
            )
            url = reverse("helpdesk:consultation-log")
            return redirect(f"{url}?{urlencode({'center': consultation.center_id})}")
    today = consultations_today(scope=scope, center=center) if center else None
    return render(
        request,
        "helpdesk/consultation_log.html",
        {
            "form": form,
            "center": center,
            "centers": centers if centers.count() > 1 else None,
            "today": today,
            "minutes_today": (today.aggregate(total=Sum("duration_minutes"))["total"] or 0)
            if today is not None
            else 0,
        },
    )
