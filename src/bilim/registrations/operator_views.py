"""The operator console: find an offering, register a caller, find a person, cancel or move.

Open to the call-center operator (whole network) and to center managers (their center):
every read goes through the scoped selectors, so a page outside the scope is a 404.
"""

from typing import cast
from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from bilim.accounts.models import User
from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for
from bilim.scheduling.models import Offering

from .errors import RegistrationError
from .messages import personal_link
from .models import Participant, Registration
from .operator_forms import MoveForm, OfferingFinderForm, PersonSearchForm, PhoneSignUpForm
from .operator_selectors import (
    move_target_list,
    operator_offering_get,
    operator_offering_list,
    person_get,
    person_search,
    registration_get,
)
from .services import Outcome, registration_cancel, registration_create, registration_move
from .services import waitlist_position as position_of

PER_PAGE = 20
CAN_REGISTER = requires(Capability.REGISTER_BY_PHONE)


def _offering(request: HttpRequest, pk: int) -> Offering:
    try:
        return operator_offering_get(scope=scope_for(request.user), pk=pk)
    except Offering.DoesNotExist:
        raise Http404 from None


def _registration(request: HttpRequest, pk: int) -> Registration:
    try:
        return registration_get(scope=scope_for(request.user), pk=pk)
    except Registration.DoesNotExist:
        raise Http404 from None


@CAN_REGISTER
def offering_find(request: HttpRequest) -> HttpResponse:
    form = OfferingFinderForm(request.GET)
    form.is_valid()
    searched = any(request.GET.get(name) for name in form.fields)
    offerings = operator_offering_list(scope=scope_for(request.user), filters=form.filters())
    page = Paginator(offerings, PER_PAGE).get_page(request.GET.get("page"))
    query = urlencode([(k, v) for k, v in request.GET.items() if k != "page" and v])
    return render(
        request,
        "registrations/operator/offering_find.html",
        {"form": form, "page": page, "searched": searched, "base_query": query},
    )


@CAN_REGISTER
def register(request: HttpRequest, pk: int) -> HttpResponse:
    offering = _offering(request, pk)
    form = PhoneSignUpForm(
        request.POST if request.method == "POST" else None, language=get_language() or "ky"
    )
    if request.method == "POST" and form.is_valid():
        try:
            outcome = registration_create(
                offering=offering,
                person=form.person(),
                channel=form.cleaned_data["channel"],
                entered_by=cast(User, request.user),
                idempotency_key=form.cleaned_data["request_id"] or None,
            )
        except RegistrationError as error:
            form.add_error(None, error.message)
        else:
            return _to_outcome(outcome)
    return render(
        request,
        "registrations/operator/register.html",
        {"offering": offering, "form": form},
        status=400 if form.errors else 200,
    )


def _to_outcome(outcome: Outcome) -> HttpResponse:
    url = reverse("operator:registration-done", args=[outcome.registration.pk])
    # Already registered (a retried form, or the person had registered before).
    return redirect(url if outcome.created else f"{url}?existing=1")


@CAN_REGISTER
def registration_done(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration(request, pk)
    code = registration.short_code
    return render(
        request,
        "registrations/operator/registration_done.html",
        {
            "registration": registration,
            "position": position_of(registration),
            "link": personal_link(registration),
            # Read out in two halves: "1234 5678".
            "code": f"{code[:4]} {code[4:]}",
            "existing": request.GET.get("existing") == "1",
        },
    )


@CAN_REGISTER
def person_find(request: HttpRequest) -> HttpResponse:
    form = PersonSearchForm(request.GET or None)
    people: list[Participant] = []
    if form.is_valid():
        people = person_search(scope=scope_for(request.user), query=form.cleaned_data["q"])
    return render(
        request, "registrations/operator/person_find.html", {"form": form, "people": people}
    )


@CAN_REGISTER
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        person = person_get(scope=scope_for(request.user), pk=pk)
    except Participant.DoesNotExist:
        raise Http404 from None
    return render(request, "registrations/operator/person_detail.html", {"person": person})


@CAN_REGISTER
def registration_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration(request, pk)
    back = reverse("operator:person-detail", args=[registration.participant_id])
    if request.method == "POST":
        try:
            registration_cancel(registration=registration)
        except RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The registration is cancelled."))
        return redirect(back)
    return render(
        request,
        "registrations/operator/registration_cancel.html",
        {"registration": registration, "back": back},
    )


@CAN_REGISTER
def registration_move_view(request: HttpRequest, pk: int) -> HttpResponse:
    registration = _registration(request, pk)
    scope = scope_for(request.user)
    targets = list(move_target_list(scope=scope, registration=registration))
    form = MoveForm(request.POST if request.method == "POST" else None, targets=targets)
    if request.method == "POST" and form.is_valid():
        try:
            outcome = registration_move(
                registration=registration,
                to_offering=form.cleaned_data["to_offering"],
                entered_by=cast(User, request.user),
            )
        except RegistrationError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _moved_message(outcome))
            return redirect("operator:person-detail", registration.participant_id)
    return render(
        request,
        "registrations/operator/registration_move.html",
        {"registration": registration, "form": form, "targets": targets},
        status=400 if form.errors else 200,
    )


def _moved_message(outcome: Outcome) -> str:
    if outcome.position:
        return _(
            "The person was moved. The new group is full: they are number %(position)s "
            "on its waitlist."
        ) % {"position": outcome.position}
    return _("The person was moved and has a place in the new group.")
