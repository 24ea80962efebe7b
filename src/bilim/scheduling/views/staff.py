"""Staff pages for offerings: list, create, add a series of sessions, move, cancel."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for
from bilim.programs.selectors import published_program_list

from ..errors import SchedulingError
from ..forms import CancelForm, OfferingForm, SeriesForm, SessionForm
from ..models import Offering, Session
from ..selectors import (
    facilitator_choices,
    offering_get,
    offering_list,
    offering_sessions,
    region_choices,
    room_choices,
    schedule_center_choices,
    session_get,
)
from ..services import (
    offering_add_series,
    offering_cancel,
    offering_create,
    session_cancel,
    session_move,
)


def _scoped_offering(request: HttpRequest, pk: int) -> Offering:
    try:
        return offering_get(scope=scope_for(request.user), pk=pk)
    except Offering.DoesNotExist:
        raise Http404 from None


def _scoped_session(request: HttpRequest, pk: int) -> Session:
    try:
        return session_get(scope=scope_for(request.user), pk=pk)
    except Session.DoesNotExist:
        raise Http404 from None


@requires(Capability.MANAGE_SCHEDULE)
def offering_list_view(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    return render(
        request,
        "scheduling/offering_list.html",
        {
            "offerings": offering_list(scope=scope),
            "centers": schedule_center_choices(scope=scope),
            "regions": region_choices(scope=scope),
        },
    )


@requires(Capability.MANAGE_SCHEDULE)
def offering_create_view(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    form = OfferingForm(
        request.POST or None,
        programs=published_program_list().order_by("code"),
        centers=schedule_center_choices(scope=scope),
        facilitators=facilitator_choices(scope=scope),
        allow_online=scope.network_wide,
    )
    if request.method == "POST" and form.is_valid():
        try:
            offering = offering_create(**form.offering_fields())
        except SchedulingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The offering was created. Now add its sessions."))
            return redirect("scheduling:staff-offering-series", offering.pk)
    return render(request, "scheduling/offering_form.html", {"form": form})


@requires(Capability.MANAGE_SCHEDULE)
def offering_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offering = _scoped_offering(request, pk)
    return render(
        request,
        "scheduling/offering_detail.html",
        {"offering": offering, "sessions": offering_sessions(offering=offering)},
    )


@requires(Capability.MANAGE_SCHEDULE)
def offering_series(request: HttpRequest, pk: int) -> HttpResponse:
    offering = _scoped_offering(request, pk)
    rooms = room_choices(center=offering.center)
    form = SeriesForm(request.POST or None, offering=offering, rooms=rooms)
    if request.method == "POST" and form.is_valid():
        try:
            result = offering_add_series(
                offering=offering,
                series=form.series(),
                room=form.cleaned_data.get("room"),
                stream_url=form.cleaned_data.get("stream_url") or "",
            )
        except SchedulingError as error:
            form.add_error(None, error.message)
        else:
            created = len(result.sessions)
            messages.success(
                request,
                ngettext("%(count)d session was added.", "%(count)d sessions were added.", created)
                % {"count": created},
            )
            return render(
                request,
                "scheduling/series_done.html",
                {"offering": offering, "result": result},
            )
    return render(request, "scheduling/series_form.html", {"offering": offering, "form": form})


@requires(Capability.MANAGE_SCHEDULE)
def offering_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    offering = _scoped_offering(request, pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        offering_cancel(offering=offering, reason=form.cleaned_data["reason"])
        messages.success(request, _("The offering and its coming sessions were cancelled."))
        return redirect("scheduling:staff-offering-detail", offering.pk)
    return render(
        request,
        "scheduling/cancel_form.html",
        {"offering": offering, "session": None, "form": form},
    )


@requires(Capability.MANAGE_SCHEDULE)
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    session = _scoped_session(request, pk)
    rooms = room_choices(center=session.offering.center)
    form = SessionForm(request.POST or None, session=session, rooms=rooms)
    if request.method == "POST" and form.is_valid():
        try:
            session_move(session=session, **form.move_fields())
        except SchedulingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The session was changed."))
            return redirect("scheduling:staff-offering-detail", session.offering_id)
    return render(
        request,
        "scheduling/session_form.html",
        {"offering": session.offering, "session": session, "form": form},
    )


@requires(Capability.MANAGE_SCHEDULE)
def session_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    session = _scoped_session(request, pk)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        session_cancel(session=session, reason=form.cleaned_data["reason"])
        messages.success(request, _("The session was cancelled."))
        return redirect("scheduling:staff-offering-detail", session.offering_id)
    return render(
        request,
        "scheduling/cancel_form.html",
        {"offering": session.offering, "session": session, "form": form},
    )
