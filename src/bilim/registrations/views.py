import time

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from bilim.notifications.qr import qr_png, qr_svg
from bilim.scheduling.ical import calendar_bytes
from bilim.scheduling.models import Offering
from bilim.scheduling.views.feeds import CONTENT_TYPE as CALENDAR_CONTENT_TYPE
from bilim.web.phones import KYRGYZSTAN, phone_for_contact
from bilim.web.ratelimits import SubmissionLimit

from .access import unmet_needs
from .errors import RegistrationError
from .forms import CodeForm, DetailsForm, PhoneForm, SignUpForm
from .messages import check_in_code, personal_link, tell_link_again, waitlist_next_steps
from .models import AccessNeed, Registration
from .one_time_codes import OneTimeCodeError, code_send, code_verify
from .participants import participant_update
from .selectors import (
    CALENDAR_STATUSES,
    calendar_sessions,
    cancel_refusal,
    first_waiting_exists,
    offer_lapsed,
    offering_for_sign_up,
    participants_for_phone,
    registration_by_token,
    registrations_for_phone,
    stream_sessions,
)
from .services import (
    Outcome,
    offer_accept,
    registration_cancel,
    registration_create,
    waitlist_position,
)

# The phone a person proved with a code, and until when (epoch seconds).
VERIFIED_KEY = "bilim.my.verified"
# The phone a code was asked for, waiting for the code to be typed.
PENDING_KEY = "bilim.my.pending"
# The request ids of the sign-up forms this browser was given, the newest few: a double
# click or a retry opens the page its first click made; the same id sent from another
# browser opens nothing.
ISSUED_KEY = "bilim.sign-up.issued"
ISSUED_KEEP = 20
# How often one phone is sent its personal link again after signing up a second time.
LINK_AGAIN_LIMIT = SubmissionLimit(group="registrations:link-again", rate="3/h")


def sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    # Bound on every POST, even an empty one: the limit message is added to its errors.
    posted = request.POST if request.method == "POST" else None
    form = SignUpForm(posted, language=get_language() or "ky")
    status = 200
    if request.method == "POST":
        # The service reads the offering once, under its lock: the id is all it needs.
        offering = Offering(pk=pk)
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
            except Offering.DoesNotExist:
                raise Http404 from None
            except RegistrationError as error:
                form.add_error(None, error.message)
            else:
                limit.count(request)
                return _signed_up(request, outcome, form.cleaned_data["request_id"])
    shown = offering_for_sign_up(pk=pk)
    if request.method != "POST":
        _issue(request, form.initial["request_id"])
    return render(
        request, "registrations/sign_up.html", {"offering": shown, "form": form}, status=status
    )


def _issue(request: HttpRequest, request_id: str) -> None:
    """Remember that this browser was given the form with this request id."""
    issued = request.session.get(ISSUED_KEY, [])
    request.session[ISSUED_KEY] = [*issued, request_id][-ISSUED_KEEP:]


def _signed_up(request: HttpRequest, outcome: Outcome, request_id: str) -> HttpResponse:
    """The new registration's page; for an earlier one, only a new SMS to its phone.

    Only the browser that was given the form of the first registration (a double click,
    a retry) opens its page again: the same name and phone typed anywhere else open
    nothing, and get the same answer whether the SMS went out or the phone's limit held it.
    """
    registration = outcome.registration
    same_request = bool(request_id) and registration.idempotency_key == request_id
    if outcome.created or (same_request and request_id in request.session.get(ISSUED_KEY, [])):
        return redirect("registrations:mine", registration.token)
    phone = registration.participant.phone
    if not LINK_AGAIN_LIMIT.reached_for(phone):
        LINK_AGAIN_LIMIT.count_for(phone)
        tell_link_again(registration)
    return render(
        request,
        "registrations/sign_up_known.html",
        {"offering": registration.offering, "phone": masked_phone(phone)},
    )


def masked_phone(phone: str) -> str:
    """A phone number with only its country code and last three digits: "+996 … 456"."""
    return f"+{KYRGYZSTAN} … {phone[-3:]}"


def mine(request: HttpRequest, token: str) -> HttpResponse:
    registration = registration_by_token(token=token)
    # Only a held place opens the door: nobody waiting is shown a QR code or check-in code.
    confirmed = registration.status == Registration.Status.CONFIRMED
    return render(
        request,
        "registrations/mine.html",
        {
            "registration": registration,
            "position": waitlist_position(registration),
            "next_steps": waitlist_next_steps(registration),
            "lapsed": offer_lapsed(registration=registration),
            "can_cancel": cancel_refusal(registration=registration) is None,
            "streams": stream_sessions(registration=registration),
            "unmet": [
                AccessNeed(n).label
                for n in unmet_needs(registration.offering, registration.access_needs)
            ],
            "qr": confirmed
            and qr_svg(
                personal_link(registration),
                label=_("QR code of your personal link, to show at check-in"),
            ),
            "check_in_code": confirmed and check_in_code(registration),
            "in_calendar": registration.status in CALENDAR_STATUSES,
        },
    )


def _private(response: HttpResponse) -> HttpResponse:
    # The personal link is the only key: keep its answers out of shared caches and search.
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def mine_qr(request: HttpRequest, token: str) -> HttpResponse:
    """The personal link as a QR code image, to save or print."""
    registration = registration_by_token(token=token)
    if registration.status != Registration.Status.CONFIRMED:
        raise Http404  # a QR code would let them in without a place
    return _private(HttpResponse(qr_png(personal_link(registration)), content_type="image/png"))


def mine_calendar(request: HttpRequest, token: str) -> HttpResponse:
    """The coming sessions of a held or offered place, for the person's calendar app."""
    registration = registration_by_token(token=token)
    if registration.status not in CALENDAR_STATUSES:
        raise Http404
    body = calendar_bytes(
        name=registration.offering.program.title,
        sessions=calendar_sessions(registration=registration),
    )
    response = HttpResponse(body, content_type=CALENDAR_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="bilim.ics"'
    return _private(response)


@require_http_methods(["GET", "HEAD", "POST"])
def mine_cancel(request: HttpRequest, token: str) -> HttpResponse:
    """Ask first (GET), then cancel (POST); the page says what happens to the place."""
    registration = registration_by_token(token=token)
    back = "list" if request.POST.get("back", request.GET.get("back")) == "list" else ""
    refusal = cancel_refusal(registration=registration)
    if request.method == "POST":
        try:
            registration_cancel(registration=registration)
        except RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your registration is cancelled."))
        if back:  # cancelled from the list of all registrations
            return redirect("registrations:my")
        return redirect("registrations:mine", token)
    return _private(
        render(
            request,
            "registrations/mine_cancel.html",
            {
                "registration": registration,
                "refusal": refusal.text if refusal else None,
                "back": back,
                "holds_place": registration.status
                in (Registration.Status.CONFIRMED, Registration.Status.OFFERED),
                "someone_waits": first_waiting_exists(registration=registration),
            },
        )
    )


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


def _verified_phone(request: HttpRequest) -> str | None:
    verified = request.session.get(VERIFIED_KEY)
    if not verified or verified["until"] < time.time():
        return None
    phone: str = verified["phone"]
    return phone


def my_registrations(request: HttpRequest) -> HttpResponse:
    """A person's registrations once their phone is verified; until then, the phone form."""
    phone = _verified_phone(request)
    if phone is not None:
        return render(
            request,
            "registrations/my_list.html",
            {
                "registrations": registrations_for_phone(phone=phone),
                "people": participants_for_phone(phone=phone),
                "phone": phone_for_contact(phone),
            },
        )
    return _my_phone(request)


def _my_phone(request: HttpRequest) -> HttpResponse:
    """The phone form; a valid number gets a code (if known) and leads to the code form."""
    pending = request.session.get(PENDING_KEY, "")
    posted = request.POST if request.method == "POST" else None  # bound even when empty
    form = PhoneForm(posted, initial={"phone": phone_for_contact(pending)})
    status = 200
    if request.method == "POST":
        limit = SubmissionLimit(
            group="registrations:one-time-code", rate=settings.ONE_TIME_CODE_IP_RATE
        )
        if limit.reached(request):
            form.is_valid()
            form.add_error(
                None,
                _(
                    "Too many codes were asked from your connection. "
                    "Try again in an hour, or call us."
                ),
            )
            status = 429
        elif form.is_valid():
            limit.count(request)
            try:
                code_send(phone=form.cleaned_data["phone"])
            except OneTimeCodeError as error:
                form.add_error(None, error.message)
                status = 429
            else:
                request.session[PENDING_KEY] = form.cleaned_data["phone"]
                return redirect("registrations:my-code")
    return render(request, "registrations/my_phone.html", {"form": form}, status=status)


def my_code(request: HttpRequest) -> HttpResponse:
    """The code from the SMS opens the registrations for SELF_SERVICE_SESSION_MINUTES."""
    phone = request.session.get(PENDING_KEY)
    if not phone:
        return redirect("registrations:my")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            code_verify(phone=phone, code=form.cleaned_data["code"])
        except OneTimeCodeError as error:
            form.add_error(error.field, error.message)
        else:
            request.session.cycle_key()  # a new session id for the signed-in person
            del request.session[PENDING_KEY]
            request.session[VERIFIED_KEY] = {
                "phone": phone,
                "until": time.time() + settings.SELF_SERVICE_SESSION_MINUTES * 60,
            }
            return redirect("registrations:my")
    return render(
        request, "registrations/my_code.html", {"form": form, "phone": phone_for_contact(phone)}
    )


def my_details(request: HttpRequest, pk: int) -> HttpResponse:
    """A person with a proved phone corrects the details stored for one of its people."""
    phone = _verified_phone(request)
    if phone is None:
        return redirect("registrations:my")
    participant = get_object_or_404(participants_for_phone(phone=phone), pk=pk)
    posted = request.POST if request.method == "POST" else None
    form = DetailsForm(posted, initial=DetailsForm.initial_for(participant))
    if form.is_valid():
        try:
            participant_update(participant=participant, details=form.details())
        except RegistrationError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("Your details are saved."))
            return redirect("registrations:my")
    return render(
        request,
        "registrations/my_details.html",
        {"form": form, "participant": participant},
        status=400 if form.errors else 200,
    )


@require_POST
def my_sign_out(request: HttpRequest) -> HttpResponse:
    request.session.pop(VERIFIED_KEY, None)
    request.session.pop(PENDING_KEY, None)
    messages.success(
        request, _("You have signed out. Your registrations are closed on this device.")
    )
    return redirect("registrations:my")
