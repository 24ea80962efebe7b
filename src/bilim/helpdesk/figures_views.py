"""The help-desk figures page and its CSV download (same filters, same scope)."""

from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for

from .figures import helpdesk_figures
from .figures_csv import figures_csv_response
from .forms import FiguresFilterForm


def _form(request: HttpRequest) -> FiguresFilterForm:
    return FiguresFilterForm(request.GET, scope=scope_for(request.user), today=timezone.localdate())


@requires(Capability.VIEW_HELPDESK_FIGURES)
def figures(request: HttpRequest) -> HttpResponse:
    form = _form(request)
    report = None
    if form.is_valid():
        report = helpdesk_figures(scope=scope_for(request.user), filters=form.filters())
    return render(
        request,
        "helpdesk/figures.html",
        {"form": form, "figures": report, "query": request.GET.urlencode()},
    )


@requires(Capability.VIEW_HELPDESK_FIGURES)
def figures_csv(request: HttpRequest) -> HttpResponseBase:
    form = _form(request)
    if not form.is_valid():
        # The page says what is wrong with the filters, beside each of them.
        url = reverse("helpdesk:figures")
        return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url)
    filters = form.filters()
    report = helpdesk_figures(scope=scope_for(request.user), filters=filters)
    name = f"helpdesk-figures-{filters.start.isoformat()}-{filters.end.isoformat()}.csv"
    return figures_csv_response(report, filename=name)
