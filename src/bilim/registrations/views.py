from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bilim.web.ratelimits import SubmissionLimit

from .access import unmet_needs
from .errors import RegistrationError
from .forms import SignUpForm
from .models import AccessNeed, Registration
from .selectors import offering_for_sign_up, registration_by_token, stream_sessions
from .services import offer_accept, registration_cancel, registration_create, waitlist_position


def sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    offering = offering_for_sign_up(pk=pk)
    form = SignUpForm(request.POST or None, language=get_language() or "ky")
    status = 200
    if request.method == "POST":
        limit = SubmissionLimit(group="registrations:sign-up", rate=settings.SIGN_UP_RATE)
        if limit.reached(request):
            form.is_valid()  # show any other problem now, so one more try is enough
            form.add_error(
                None,
                _(
                    "Too many registrations were sent from your connection. "
                    "Your answers are kept: try again in an hour, or call us."
                ),
            )
            status = 429
        elif form.is_valid() and form.cleaned_data["website"]:
            limit.count(request)
            return redirect("web:home")  # a robot learns nothing from the answer
        elif form.is_valid():
            try:
                outcome = registration_create(
                    offering=offering,
                    person=form.person(),
                    channel=Registration.Channel.WEB,
                    idempotency_key=form.cleaned_data["request_id"] or None,
                )
            except RegistrationError as error:
                form.add_error(None, error.message)
            else:
                limit.count(request)
                return redirect("registrations:mine", outcome.registration.token)
    return render(
        request, "registrations/sign_up.html", {"offering": offering, "form": form}, status=status
    )


def mine(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_by_token(token=token)
    return render(
        request,
        "registrations/mine.html",
        {
            "registration": registration,
            "position": waitlist_position(registration),
            "streams": stream_sessions(registration=registration),
            "unmet": [
                AccessNeed(n).label
                for n in unmet_needs(registration.offering, registration.access_needs)
            ],
        },
    )


@require_POST
def mine_cancel(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_by_token(token=token)
    try:
        registration_cancel(registration=registration)
    except RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect("registrations:mine", token)


@require_POST
def mine_accept(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_by_token(token=token)
    try:
        offer_accept(registration=registration)
    except RegistrationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The place is yours: see you at the center."))
    return redirect("registrations:mine", token)
