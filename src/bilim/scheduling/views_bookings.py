"""Community space bookings: the public request form, and the centers' decisions."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bilim.accounts.models import User
from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for
from bilim.centers.models import Center
from bilim.web.ratelimits import SubmissionLimit

from .booking_forms import ApproveForm, BookingRequestForm, DeclineForm
from .booking_selectors import (
    booking_counts,
    booking_get,
    booking_list,
    booking_room_choices,
    public_booking_center_get,
)
from .errors import (
    BOOKING_CHECK_IN_TOO_EARLY,
    BOOKING_CHECK_IN_TOO_LATE,
    BOOKING_NO_ROOMS,
    SchedulingError,
)
from .models import SpaceBooking
from .services.bookings import (
    CHECK_IN_OPENS,
    booking_approve,
    booking_check_in,
    booking_decline,
    booking_request,
)

# Requests stored per address and hour: each one is read by a person at the center.
REQUEST_LIMIT = SubmissionLimit(group="bookings:request", rate="5/h")
Status = SpaceBooking.Status


def _open_center(code: str) -> Center:
    try:
        return public_booking_center_get(code=code)
    except Center.DoesNotExist:
        raise Http404 from None


def booking_request_view(request: HttpRequest, code: str) -> HttpResponse:
    center = _open_center(code)
    if not center.rooms.exists():
        context: dict[str, Any] = {"center": center, "no_rooms": BOOKING_NO_ROOMS.text}
        return render(request, "scheduling/bookings/request.html", context)
    # Bound on every POST, even an empty one: the limit message is added to its errors.
    posted = request.POST if request.method == "POST" else None
    form = BookingRequestForm(posted, center=center)
    context = {"center": center, "form": form}
    if request.method != "POST":
        return render(request, "scheduling/bookings/request.html", context)
    if REQUEST_LIMIT.reached(request):
        form.is_valid()  # show any other problem now, so one more try is enough
        form.add_error(
            None,
            _(
                "Too many requests were sent from your connection in the last hour. "
                "Your answers are kept below: send them again in an hour, or call the center."
            ),
        )
        return render(request, "scheduling/bookings/request.html", context, status=429)
    if form.is_spam:
        REQUEST_LIMIT.count(request)
        return redirect("bookings:request-thanks", center.code)
    if not form.is_valid():
        return render(request, "scheduling/bookings/request.html", context)
    try:
        booking_request(**form.booking_fields(), language=get_language() or "ky")
    except SchedulingError as error:  # the time was valid a moment ago
        form.add_error(None, error.message)
        return render(request, "scheduling/bookings/request.html", context)
    REQUEST_LIMIT.count(request)
    return redirect("bookings:request-thanks", center.code)


def booking_request_thanks(request: HttpRequest, code: str) -> HttpResponse:
    center = _open_center(code)
    return render(request, "scheduling/bookings/request_thanks.html", {"center": center})


# Staff -----------------------------------------------------------------------------------


def _scoped_booking(request: HttpRequest, pk: int) -> SpaceBooking:
    try:
        return booking_get(scope=scope_for(request.user), pk=pk)
    except SpaceBooking.DoesNotExist:
        # Out of scope looks the same as absent.
        raise Http404 from None


@requires(Capability.MANAGE_BOOKINGS)
def booking_list_view(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    status = request.GET.get("status", Status.PENDING)
    status = status if status in Status.values or status == "all" else Status.PENDING
    counts = booking_counts(scope=scope)
    return render(
        request,
        "scheduling/bookings/booking_list.html",
        {
            "bookings": booking_list(scope=scope, status=None if status == "all" else status),
            "status": status,
            "filters": [(value, label, counts[value]) for value, label in Status.choices],
        },
    )


def _detail(
    request: HttpRequest,
    booking: SpaceBooking,
    *,
    approve_form: ApproveForm | None = None,
    decline_form: DeclineForm | None = None,
    error: str = "",
) -> HttpResponse:
    choices = booking_room_choices(booking=booking)
    now = timezone.now()
    context: dict[str, Any] = {
        "booking": booking,
        "approve_form": approve_form
        or ApproveForm(choices=choices, initial={"publish": booking.publish}),
        "decline_form": decline_form or DeclineForm(),
        "error": error,
        "no_fitting_room": not any(c.free and c.big_enough for c in choices),
        "check_in_open": False,
        "check_in_note": "",
    }
    if booking.status == Status.APPROVED and booking.checked_in_at is None:
        if now < booking.starts_at - CHECK_IN_OPENS:
            context["check_in_note"] = BOOKING_CHECK_IN_TOO_EARLY.text
        elif not booking.holds_room(now):
            context["check_in_note"] = BOOKING_CHECK_IN_TOO_LATE.text
        else:
            context["check_in_open"] = True
    return render(request, "scheduling/bookings/booking_detail.html", context)


@requires(Capability.MANAGE_BOOKINGS)
def booking_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, _scoped_booking(request, pk))


@requires(Capability.MANAGE_BOOKINGS)
@require_POST
def booking_approve_view(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _scoped_booking(request, pk)
    form = ApproveForm(request.POST, choices=booking_room_choices(booking=booking))
    if form.is_valid():
        user: User = request.user  # type: ignore[assignment]
        try:
            booking_approve(
                booking=booking,
                room=form.cleaned_data["room"],
                decided_by=user,
                publish=form.cleaned_data["publish"],
            )
        except SchedulingError as error:
            form.add_error("room", error.message)
        else:
            messages.success(request, _("The request was approved; the requester is told."))
            return redirect("bookings:staff-booking-detail", booking.pk)
    return _detail(request, booking, approve_form=form)


@requires(Capability.MANAGE_BOOKINGS)
@require_POST
def booking_decline_view(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _scoped_booking(request, pk)
    form = DeclineForm(request.POST)
    if form.is_valid():
        user: User = request.user  # type: ignore[assignment]
        try:
            booking_decline(booking=booking, reason=form.cleaned_data["reason"], decided_by=user)
        except SchedulingError as error:
            form.add_error("reason", error.message)
        else:
            messages.success(request, _("The request was declined; the requester is told."))
            return redirect("bookings:staff-booking-detail", booking.pk)
    return _detail(request, booking, decline_form=form)


@requires(Capability.MANAGE_BOOKINGS)
@require_POST
def booking_check_in_view(request: HttpRequest, pk: int) -> HttpResponse:
    booking = _scoped_booking(request, pk)
    try:
        booking_check_in(booking=booking)
    except SchedulingError as error:
        return _detail(request, booking, error=error.message)
    messages.success(request, _("Checked in: the room is held for the group until the end."))
    return redirect("bookings:staff-booking-detail", booking.pk)
