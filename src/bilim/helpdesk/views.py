"""The help-desk page: log a consultation, see today's at the center, correct a mistake."""

from typing import cast

from django.contrib import messages
from django.db.models import QuerySet, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from bilim.accounts.models import User
from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for
from bilim.centers.models import Center

from . import services
from .errors import TOO_OLD_TO_CHANGE, HelpdeskError
from .forms import ConsultationEditForm, ConsultationForm
from .models import EDIT_DAYS, Consultation
from .selectors import consultation_list, consultations_today, helpdesk_center_choices

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
            consultation = services.consultation_create(
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
            return _back_to_desk(consultation)
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


def _back_to_desk(consultation: Consultation) -> HttpResponse:
    url = reverse("helpdesk:consultation-log")
    return redirect(f"{url}?{urlencode({'center': consultation.center_id})}")


def _locked(request: HttpRequest, consultation: Consultation) -> HttpResponse:
    return render(
        request,
        "helpdesk/consultation_locked.html",
        {"consultation": consultation, "message": TOO_OLD_TO_CHANGE % {"days": EDIT_DAYS}},
        status=403,
    )


@requires(Capability.LOG_CONSULTATIONS)
def consultation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = get_object_or_404(consultation_list(scope=scope_for(request.user)), pk=pk)
    if not services.consultation_can_change(consultation):
        return _locked(request, consultation)
    data = None
    if request.method == "POST":
        data = request.POST.copy()
        data["center"] = str(consultation.center_id)  # a correction never moves it
    form = ConsultationEditForm(data, consultation=consultation)
    if request.method == "POST" and form.is_valid():
        fields = form.consultation_fields()
        del fields["center"]
        try:
            changed = services.consultation_update(
                consultation=consultation, updated_by=cast(User, request.user), **fields
            )
        except HelpdeskError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(
                request,
                _("Changes saved: %(service)s — %(outcome)s.")
                % {"service": changed.category.name, "outcome": changed.get_outcome_display()},
            )
            return _back_to_desk(changed)
    return render(
        request, "helpdesk/consultation_edit.html", {"form": form, "consultation": consultation}
    )


@requires(Capability.LOG_CONSULTATIONS)
def consultation_delete(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask first (GET); remove only on the confirming POST."""
    consultation = get_object_or_404(consultation_list(scope=scope_for(request.user)), pk=pk)
    if not services.consultation_can_change(consultation):
        return _locked(request, consultation)
    if request.method == "POST":
        try:
            services.consultation_delete(
                consultation=consultation, deleted_by=cast(User, request.user)
            )
        except HelpdeskError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("Removed: %(service)s, %(time)s.")
                % {
                    "service": consultation.category.name,
                    "time": date_format(localtime(consultation.created_at), "TIME_FORMAT"),
                },
            )
        return _back_to_desk(consultation)
    return render(request, "helpdesk/consultation_delete.html", {"consultation": consultation})
