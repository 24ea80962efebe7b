from django.contrib import messages as flash
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for

from .models import Message
from .selectors import message_list
from .services import message_retry

SHOWN = 200


@requires(Capability.VIEW_MESSAGES)
def message_trouble_list(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    retrying = request.GET.get("show") == "retrying"
    status = Message.Status.PENDING if retrying else Message.Status.FAILED
    rows = message_list(scope=scope, status=status)
    if retrying:
        rows = rows.filter(attempts__gt=0)
    return render(
        request,
        "notifications/trouble_list.html",
        {"rows": rows[:SHOWN], "total": rows.count(), "retrying": retrying, "shown": SHOWN},
    )


@require_POST
@requires(Capability.VIEW_MESSAGES)
def message_send_again(request: HttpRequest, pk: int) -> HttpResponse:
    scope = scope_for(request.user)
    message = message_list(scope=scope).filter(pk=pk).first()
    if message is None:
        raise Http404
    message_retry(message=message)
    flash.success(request, _("The message is being sent again."))
    return redirect("notifications:trouble-list")
