"""Staff pages for centers: list, open, create, edit, rooms, hours, staff."""

from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for

from ..errors import CentersError
from ..forms import CenterForm, ExceptionForm, RoomForm, StaffAssignForm, StatusForm, WeekForm
from ..models import Center, OpeningException, Room
from ..selectors import center_get, center_staff, center_table, district_choices, week_hours
from ..services import (
    TRANSITIONS,
    center_create,
    center_set_status,
    center_set_week,
    center_staff_assign,
    center_staff_remove,
    center_update,
    opening_exception_delete,
    opening_exception_save,
    room_delete,
    room_save,
)


def _scoped_center(request: HttpRequest, code: str) -> Center:
    try:
        return center_get(scope=scope_for(request.user), code=code)
    except Center.DoesNotExist:
        # Out of scope looks the same as absent: no hint that the center exists.
        raise Http404 from None


@requires(Capability.VIEW_CENTERS)
def center_list(request: HttpRequest) -> HttpResponse:
    centers = center_table(scope=scope_for(request.user))
    return render(request, "centers/center_list.html", {"centers": centers})


@requires(Capability.VIEW_CENTERS)
def center_detail(request: HttpRequest, code: str) -> HttpResponse:
    center = _scoped_center(request, code)
    return render(
        request,
        "centers/center_detail.html",
        {
            "center": center,
            "week": week_hours(center),
            "exceptions": center.opening_exceptions.all(),
            "staff": center_staff(center=center),
            "status_form": StatusForm(),
            "next_statuses": [Center.Status(s) for s in sorted(TRANSITIONS[center.status])],
            "staff_form": StaffAssignForm(),
            "exception_form": ExceptionForm(),
        },
    )


@requires(Capability.ADMINISTER_CENTERS)
def center_create_view(request: HttpRequest) -> HttpResponse:
    districts = district_choices(scope=scope_for(request.user))
    form = CenterForm(request.POST or None, districts=districts)
    if request.method == "POST" and form.is_valid():
        center = center_create(fields=form.center_fields())
        messages.success(request, _("The center was created as planned."))
        return redirect("centers:staff-center-detail", center.code)
    return render(request, "centers/center_form.html", {"form": form, "center": None})


@requires(Capability.MANAGE_CENTERS)
def center_edit(request: HttpRequest, code: str) -> HttpResponse:
    center = _scoped_center(request, code)
    districts = district_choices(scope=scope_for(request.user))
    form = CenterForm(request.POST or None, instance=center, districts=districts)
    if request.method == "POST" and form.is_valid():
        center_update(center=center, fields=form.center_fields())
        messages.success(request, _("Changes saved."))
        return redirect("centers:staff-center-detail", center.code)
    return render(request, "centers/center_form.html", {"form": form, "center": center})


@require_POST
@requires(Capability.ADMINISTER_CENTERS)
def center_status(request: HttpRequest, code: str) -> HttpResponse:
    center = _scoped_center(request, code)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            center_set_status(center=center, status=form.cleaned_data["status"])
            messages.success(request, _("The status was changed."))
        except CentersError as error:
            messages.error(request, error.message)
    return redirect("centers:staff-center-detail", center.code)


@requires(Capability.MANAGE_CENTERS)
def room_edit(request: HttpRequest, code: str, room_id: int | None = None) -> HttpResponse:
    center = _scoped_center(request, code)
    room = get_object_or_404(Room, pk=room_id, center=center) if room_id else None
    form = RoomForm(request.POST or None, instance=room)
    if request.method == "POST" and form.is_valid():
        room_save(center=center, room=room, fields=form.room_fields())
        messages.success(request, _("The room was saved."))
        return redirect("centers:staff-center-detail", center.code)
    return render(request, "centers/room_form.html", {"form": form, "center": center, "room": room})


@require_POST
@requires(Capability.MANAGE_CENTERS)
def room_remove(request: HttpRequest, code: str, room_id: int) -> HttpResponse:
    center = _scoped_center(request, code)
    room_delete(room=get_object_or_404(Room, pk=room_id, center=center))
    messages.success(request, _("The room was removed."))
    return redirect("centers:staff-center-detail", center.code)


@requires(Capability.MANAGE_CENTERS)
def hours_edit(request: HttpRequest, code: str) -> HttpResponse:
    center = _scoped_center(request, code)
    initial = WeekForm.initial_for(list(center.opening_hours.all()))
    form = WeekForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        center_set_week(center=center, periods=form.periods())
        messages.success(request, _("Opening hours saved."))
        return redirect("centers:staff-center-detail", center.code)
    return render(request, "centers/hours_form.html", {"form": form, "center": center})


@require_POST
@requires(Capability.MANAGE_CENTERS)
def exception_add(request: HttpRequest, code: str) -> HttpResponse:
    center = _scoped_center(request, code)
    form = ExceptionForm(request.POST)
    if not form.is_valid():
        return render(request, "centers/exception_form.html", {"form": form, "center": center})
    data: dict[str, Any] = form.cleaned_data
    opening_exception_save(
        center=center,
        date=data["date"],
        closed=data["closed"],
        opens=data["opens"],
        closes=data["closes"],
        reasons={lang: data[f"reason_{lang}"] for lang in ("ky", "ru", "en")},
    )
    messages.success(request, _("The day was saved."))
    return redirect("centers:staff-center-detail", center.code)


@require_POST
@requires(Capability.MANAGE_CENTERS)
def exception_remove(request: HttpRequest, code: str, exception_id: int) -> HttpResponse:
    center = _scoped_center(request, code)
    opening_exception_delete(
        exception=get_object_or_404(OpeningException, pk=exception_id, center=center)
    )
    messages.success(request, _("The day was removed."))
    return redirect("centers:staff-center-detail", center.code)


@require_POST
@requires(Capability.ADMINISTER_CENTERS)
def staff_assign(request: HttpRequest, code: str) -> HttpResponse:
    center = _scoped_center(request, code)
    form = StaffAssignForm(request.POST)
    user = None
    if form.is_valid():
        user = get_user_model().objects.filter(username=form.cleaned_data["username"]).first()
        if user is None:
            form.add_error("username", _("There is no staff user with this user name."))
    if user is None or not form.is_valid():
        return render(request, "centers/staff_form.html", {"form": form, "center": center})
    center_staff_assign(center=center, user=user, role=form.cleaned_data["role"])
    messages.success(request, _("The staff member was added."))
    return redirect("centers:staff-center-detail", center.code)


@require_POST
@requires(Capability.ADMINISTER_CENTERS)
def staff_remove(request: HttpRequest, code: str, assignment_id: int) -> HttpResponse:
    center = _scoped_center(request, code)
    assignment = get_object_or_404(center_staff(center=center), pk=assignment_id)
    center_staff_remove(center=center, assignment=assignment)
    messages.success(request, _("The staff member was removed from this center."))
    return redirect("centers:staff-center-detail", center.code)
