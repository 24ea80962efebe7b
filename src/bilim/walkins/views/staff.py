"""The desk console: take a number, call the next one, mark how it ended.

Every action is a plain form POST that redirects back to the console (or shows it again
with the error beside the field), so the page works without JavaScript.
"""

from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bilim.accounts.models import User
from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for
from bilim.centers.models import Center
from bilim.notifications.qr import qr_svg

from .. import errors
from ..errors import WalkinsError
from ..forms import CallForm, TakeForm
from ..models import Ticket
from ..selectors import (
    DayQueue,
    day_queue,
    desk_ticket,
    queue_center_choices,
    staff_ticket_get,
    ticket_position,
    waiting_list,
)
from ..services import (
    desk_clean,
    ticket_call_next,
    ticket_cancel,
    ticket_finish,
    ticket_recall,
    ticket_take,
)

# Kept between visits: a receptionist works one center, at one desk.
LAST_CENTER = "walkins_center"
LAST_DESK = "walkins_desk"
DEFAULT_DESK = "1"

requires_queue = requires(Capability.LOG_CONSULTATIONS)


def _centers(request: HttpRequest) -> QuerySet[Center]:
    return queue_center_choices(scope=scope_for(request.user))


def _center(request: HttpRequest, centers: QuerySet[Center]) -> Center | None:
    """The center asked for (404 outside the viewer's scope), else the last one, else the first."""
    wanted = request.POST.get("center") or request.GET.get("center")
    if wanted:
        pk = _pk(wanted)
        center = centers.filter(pk=pk).first() if pk else None
        if center is None:
            raise Http404
        return center
    remembered = request.session.get(LAST_CENTER)
    if remembered:
        center = centers.filter(pk=remembered).first()
        if center is not None:
            return center
    return centers.first()


def _center_required(request: HttpRequest) -> tuple[QuerySet[Center], Center]:
    centers = _centers(request)
    center = _center(request, centers)
    if center is None:
        raise Http404
    return centers, center


def _ticket(request: HttpRequest, pk: int) -> Ticket:
    """A ticket of a center whose queue the user runs; 404 otherwise, so others learn nothing."""
    try:
        return staff_ticket_get(scope=scope_for(request.user), pk=pk)
    except Ticket.DoesNotExist:
        raise Http404 from None


def _console_url(center: Center, **extra: int) -> str:
    return f"{reverse('walkins:staff-queue')}?{urlencode({'center': center.pk, **extra})}"


def _pk(value: object) -> int | None:
    text = str(value or "")
    return int(text) if text.isdigit() and len(text) <= 18 else None


def _shown(queue: DayQueue, value: str | None) -> Ticket | None:
    """The ticket a redirect named (`?taken=`), if it is still in this queue today."""
    pk = _pk(value)
    return next((t for t in [*queue.waiting, *queue.serving] if t.pk == pk), None)


def _log_url(ticket: Ticket) -> str:
    query = {"center": ticket.center_id}
    if ticket.category_id:
        query["category"] = ticket.category_id
    return f"{reverse('helpdesk:consultation-log')}?{urlencode(query)}"


def _console(
    request: HttpRequest,
    centers: QuerySet[Center],
    center: Center | None,
    *,
    take_form: TakeForm | None = None,
    call_form: CallForm | None = None,
) -> HttpResponse:
    if center is None:
        return render(request, "walkins/queue_console.html", {"center": None})
    request.session[LAST_CENTER] = center.pk
    now = timezone.now()
    queue = day_queue(center=center, today=timezone.localdate(now))
    desk = request.session.get(LAST_DESK, DEFAULT_DESK)
    mine = desk_ticket(queue, desk=desk)
    taken = _shown(queue, request.GET.get("taken"))
    finished = _finished(request, center)
    context: dict[str, Any] = {
        "center": center,
        "centers": centers if centers.count() > 1 else None,
        "take_form": take_form or TakeForm(),
        "call_form": call_form or CallForm(initial={"desk": desk}),
        "desk": desk,
        "mine": mine,
        "others": [t for t in queue.serving if t is not mine],
        "waiting": waiting_list(queue, now=now),
        "queue": queue,
        "estimate": queue.estimate(len(queue.waiting)),
        "taken": queue.position(taken) if taken else None,
        "finished": finished,
        "log_url": _log_url(finished) if finished else "",
        "screen_url": reverse("walkins:hall-screen", args=[center.code]),
    }
    return render(request, "walkins/queue_console.html", context)


def _finished(request: HttpRequest, center: Center) -> Ticket | None:
    pk = _pk(request.GET.get("finished"))
    if pk is None:
        return None
    try:
        ticket = staff_ticket_get(scope=scope_for(request.user), pk=pk)
    except Ticket.DoesNotExist:
        return None
    served = ticket.center_id == center.pk and ticket.status == Ticket.Status.SERVED
    return ticket if served else None


@requires_queue
def queue_console(request: HttpRequest) -> HttpResponse:
    centers = _centers(request)
    return _console(request, centers, _center(request, centers))


@require_POST
@requires_queue
def ticket_take_view(request: HttpRequest) -> HttpResponse:
    centers, center = _center_required(request)
    form = TakeForm(request.POST)
    if form.is_valid():
        try:
            ticket = ticket_take(center=center, category=form.cleaned_data["category"])
        except WalkinsError as error:
            form.add_error(error.field, error.message)
        else:
            return redirect(_console_url(center, taken=ticket.pk))
    return _console(request, centers, center, take_form=form)


@require_POST
@requires_queue
def ticket_call_view(request: HttpRequest) -> HttpResponse:
    centers, center = _center_required(request)
    form = CallForm(request.POST)
    if form.is_valid():
        desk = desk_clean(form.cleaned_data["desk"])  # the form refused an empty or long one
        try:
            ticket = ticket_call_next(center=center, desk=desk, user=cast(User, request.user))
        except WalkinsError as error:
            if error.field is None:
                # Nobody waiting, or the desk still has someone: the console shows which.
                request.session[LAST_DESK] = desk
                nobody = error.code == errors.NOBODY_WAITING.code
                (messages.info if nobody else messages.error)(request, error.message)
                return redirect(_console_url(center))
            form.add_error(error.field, error.message)
        else:
            request.session[LAST_DESK] = ticket.desk
            messages.success(
                request,
                _("Number %(number)s is called to desk %(desk)s.")
                % {"number": ticket.display_number, "desk": ticket.desk},
            )
            return redirect(_console_url(center))
    return _console(request, centers, center, call_form=form)


def _after(request: HttpRequest, ticket: Ticket, text: str, **extra: int) -> HttpResponse:
    messages.success(request, text % {"number": ticket.display_number, "desk": ticket.desk})
    return redirect(_console_url(ticket.center, **extra))


@require_POST
@requires_queue
def ticket_finish_view(request: HttpRequest, pk: int) -> HttpResponse:
    ticket = _ticket(request, pk)
    try:
        ticket = ticket_finish(
            center=ticket.center, ticket=ticket, outcome=request.POST.get("outcome", "")
        )
    except WalkinsError as error:
        messages.error(request, error.message)
        return redirect(_console_url(ticket.center))
    if ticket.status == Ticket.Status.SERVED:
        return _after(request, ticket, _("Number %(number)s: served."), finished=ticket.pk)
    return _after(request, ticket, _("Number %(number)s: did not come."))


@require_POST
@requires_queue
def ticket_recall_view(request: HttpRequest, pk: int) -> HttpResponse:
    ticket = _ticket(request, pk)
    try:
        ticket = ticket_recall(center=ticket.center, ticket=ticket)
    except WalkinsError as error:
        messages.error(request, error.message)
        return redirect(_console_url(ticket.center))
    return _after(request, ticket, _("Number %(number)s is called to desk %(desk)s again."))


@require_POST
@requires_queue
def ticket_cancel_view(request: HttpRequest, pk: int) -> HttpResponse:
    ticket = _ticket(request, pk)
    try:
        ticket = ticket_cancel(center=ticket.center, ticket=ticket)
    except WalkinsError as error:
        messages.error(request, error.message)
        return redirect(_console_url(ticket.center))
    return _after(request, ticket, _("Number %(number)s is cancelled."))


@requires_queue
def ticket_slip(request: HttpRequest, pk: int) -> HttpResponse:
    ticket = _ticket(request, pk)
    link = settings.BILIM_SITE_URL + reverse("walkins:ticket-public", args=[ticket.code])
    return render(
        request,
        "walkins/ticket_slip.html",
        {
            "position": ticket_position(ticket=ticket),
            "ticket": ticket,
            "link": link,
            "qr": qr_svg(link, label=_("QR code: follow your turn on your phone")),
            "console_url": _console_url(ticket.center),
        },
    )
