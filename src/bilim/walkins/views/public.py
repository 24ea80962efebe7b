"""Public queue pages: the screen in the hall, and a citizen's own ticket on their phone.

Both show numbers and desks only. They refresh themselves: htmx asks for the changing part
every few seconds, and without JavaScript a <noscript> meta refresh reloads the page.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from bilim.centers.models import Center

from ..access import HtmxHttpRequest
from ..models import CODE_LENGTH, Ticket
from ..selectors import hall_board, public_queue_center_get, public_ticket_get, ticket_position

Status = Ticket.Status


def _unindexed(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _seen(request: HtmxHttpRequest) -> str:
    """The announcement the page already made, so that a poll announces only what is new."""
    return request.GET.get("seen", "")[:40]


@never_cache
def hall_screen(request: HtmxHttpRequest, code: str) -> HttpResponse:
    try:
        center = public_queue_center_get(code=code)
    except Center.DoesNotExist:
        raise Http404 from None
    now = timezone.now()
    board = hall_board(center=center, today=timezone.localdate(now), now=now)
    template = "walkins/hall_screen.html"
    announce = False
    if request.htmx:
        template += "#update"
        announce = bool(board.key) and board.key != _seen(request)
    context = {"board": board, "now": now, "announce": announce}
    return _unindexed(render(request, template, context))


@never_cache
def ticket_public(request: HtmxHttpRequest, code: str) -> HttpResponse:
    if len(code) > CODE_LENGTH:
        raise Http404
    try:
        ticket = public_ticket_get(code=code)
    except Ticket.DoesNotExist:
        raise Http404 from None
    position = ticket_position(ticket=ticket)
    key = f"{ticket.status}.{ticket.desk}.{ticket.call_count}"
    template = "walkins/ticket_public.html"
    announce = False
    if request.htmx:
        template += "#update"
        announce = ticket.status == Status.CALLED and key != _seen(request)
    today = timezone.localdate()
    context = {
        "ticket": ticket,
        "position": position,
        "key": key,
        "today": today,
        "live": ticket.day == today
        and ticket.status in (Ticket.Status.WAITING, Ticket.Status.CALLED),
        "announce": announce,
    }
    return _unindexed(render(request, template, context))
