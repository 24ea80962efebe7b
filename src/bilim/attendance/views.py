"""Staff pages at the door: the roster, check-in by code or QR, walk-ins, attendance later.

Every action is a plain form POST that redirects back to the roster; with htmx the same
views answer with the parts of the roster that changed.
"""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.http import urlencode
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bilim.registrations.errors import RegistrationError
from bilim.registrations.models import Registration
from bilim.scheduling.models import Session

from .access import HtmxHttpRequest, requires_check_in, scoped_session, staff_user
from .errors import AttendanceError
from .forms import AttendanceForm, CodeForm, SearchForm, WalkInForm
from .models import Attendance
from .selectors import (
    roster,
    roster_counts,
    roster_registration_get,
    session_has_started,
    sessions_on,
)
from .services import (
    Marked,
    attendance_mark,
    attendance_record,
    attendance_undo,
    checkin_by_code,
    walk_in_register,
)


def _registration(session: Session, pk: int) -> Registration:
    try:
        return roster_registration_get(session=session, pk=pk)
    except Registration.DoesNotExist:
        raise Http404 from None


def _roster_url(session: Session, query: str = "") -> str:
    url = reverse("attendance:roster", args=[session.pk])
    return f"{url}?{urlencode({'q': query})}" if query else url


def _marked_text(marked: Marked) -> str:
    name = marked.attendance.registration.participant.name
    if marked.created:
        return _("%(name)s is checked in.") % {"name": name}
    when = time_format(timezone.localtime(marked.attendance.marked_at), "H:i")
    return _("%(name)s was already checked in at %(time)s.") % {"name": name, "time": when}


def _page(
    request: HtmxHttpRequest, session: Session, *, code_form: CodeForm | None = None, **extra: Any
) -> HttpResponse:
    search = SearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    context = {
        "session": session,
        "offering": session.offering,
        "search": search,
        "query": query,
        "code_form": code_form or CodeForm(),
        "people": roster(session=session, query=query),
        "counts": roster_counts(session=session),
        "started": session_has_started(session),
        **extra,
    }
    changed = extra.get("changed")
    if changed is not None:
        context["changed"] = context["people"].filter(pk=changed.pk).first()
    template = "attendance/roster.html"
    if request.htmx and request.method == "GET":
        template += "#rows"  # search as you type: only the list changes
    elif request.htmx:
        template += "#changed"  # counts, the message and the person's row
    response = render(request, template, context)
    if request.htmx and extra.get("ok"):
        response["HX-Trigger"] = "checkin-done"  # the script clears the code field
    return response


@requires_check_in
def roster_view(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    return _page(request, scoped_session(request, pk))


@require_POST
@requires_check_in
def checkin_code(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    session = scoped_session(request, pk)
    form = CodeForm(request.POST)
    if form.is_valid():
        try:
            marked = checkin_by_code(
                session=session, code=form.cleaned_data["code"], marked_by=staff_user(request)
            )
        except AttendanceError as error:
            form.add_error("code", error.message)
        else:
            text = _marked_text(marked)
            if request.htmx:
                registration = marked.attendance.registration
                return _page(request, session, result=text, ok=True, changed=registration)
            messages.success(request, text)
            return redirect(_roster_url(session))
    if request.htmx:
        return _page(request, session, result=form.errors["code"][0], ok=False)
    # The code stays in the field, with what is wrong beside it.
    return _page(request, session, code_form=form)


def _row_action(
    request: HtmxHttpRequest, session: Session, registration: Registration, text: str, *, ok: bool
) -> HttpResponse:
    query = request.POST.get("q", "")
    if request.htmx:
        return _page(request, session, result=text, ok=ok, changed=registration)
    (messages.success if ok else messages.error)(request, text)
    return redirect(_roster_url(session, query))


@require_POST
@requires_check_in
def checkin_mark(request: HtmxHttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    session = scoped_session(request, pk)
    registration = _registration(session, registration_pk)
    try:
        marked = attendance_mark(
            session=session,
            registration=registration,
            method=Attendance.Method.ROSTER,
            marked_by=staff_user(request),
        )
    except AttendanceError as error:
        return _row_action(request, session, registration, error.message, ok=False)
    return _row_action(request, session, registration, _marked_text(marked), ok=True)


@require_POST
@requires_check_in
def checkin_undo(request: HtmxHttpRequest, pk: int, registration_pk: int) -> HttpResponse:
    session = scoped_session(request, pk)
    registration = _registration(session, registration_pk)
    undone = attendance_undo(session=session, registration=registration)
    name = registration.participant.name
    text = (
        _("Check-in of %(name)s was undone.") if undone else _("%(name)s was not checked in.")
    ) % {"name": name}
    return _row_action(request, session, registration, text, ok=True)


@requires_check_in
def walk_in(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    session = scoped_session(request, pk)
    form = WalkInForm(request.POST or None, language=get_language() or "ky")
    if request.method == "POST" and form.is_valid():
        try:
            outcome = walk_in_register(
                session=session, person=form.person(), marked_by=staff_user(request)
            )
        except (AttendanceError, RegistrationError) as error:
            form.add_error(None, error.message)
        else:
            name = outcome.registration.participant.name
            if outcome.marked is not None:
                messages.success(
                    request, _("%(name)s is registered and checked in.") % {"name": name}
                )
            else:
                messages.warning(
                    request,
                    _(
                        "The group is full: %(name)s is number %(position)s on the waitlist "
                        "and is NOT checked in."
                    )
                    % {"name": name, "position": outcome.position},
                )
            return redirect(_roster_url(session))
    return render(
        request,
        "attendance/walk_in.html",
        {"session": session, "offering": session.offering, "form": form},
    )


@requires_check_in
def attendance_afterwards(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    session = scoped_session(request, pk)
    people = roster(session=session)
    started = session_has_started(session)
    initial = {"present": [str(r.pk) for r in people if r.checked_in_at]}  # type: ignore[attr-defined]
    form = AttendanceForm(request.POST or None, registrations=people, initial=initial)
    if request.method == "POST" and started and form.is_valid():
        try:
            attendance_record(
                session=session,
                present_registration_ids=form.present_ids(),
                marked_by=staff_user(request),
            )
        except AttendanceError as error:
            form.add_error(None, error.message)
        else:
            count = len(form.present_ids())
            messages.success(
                request,
                ngettext(
                    "Attendance is saved: %(count)d person attended.",
                    "Attendance is saved: %(count)d people attended.",
                    count,
                )
                % {"count": count},
            )
            return redirect("attendance:afterwards", session.pk)
    return render(
        request,
        "attendance/afterwards.html",
        {"session": session, "offering": session.offering, "form": form, "started": started},
    )


@requires_check_in
def today(request: HtmxHttpRequest) -> HttpResponse:
    day = timezone.localdate()
    return render(
        request,
        "attendance/today.html",
        {"sessions": sessions_on(user=staff_user(request), day=day), "day": day},
    )
