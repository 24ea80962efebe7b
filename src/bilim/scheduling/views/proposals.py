"""A partner proposes an offering of its program; the national office approves or declines."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for
from bilim.programs.errors import ProgramsError
from bilim.programs.forms import DecisionForm, OfferingProposalForm
from bilim.programs.selectors import proposal_list
from bilim.programs.views.staff import own_partner

from ..proposals import (
    SchedulingError,
    offering_approve,
    offering_decline,
    offering_proposal_list,
    offering_propose,
    proposable_programs,
)


@requires(Capability.PROPOSE_PROGRAMS)
def offering_propose_view(request: HttpRequest) -> HttpResponse:
    partner = own_partner(request)
    programs = proposable_programs(partner=partner)
    form = OfferingProposalForm(
        request.POST or None,
        programs=programs,
        initial={"program": request.GET.get("program"), "format": "offline", "language": "ky"},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            offering_propose(
                partner=partner,
                program=data["program"],
                center=data["center"],
                format=data["format"],
                language=data["language"],
                capacity=data["capacity"],
                series=form.series(),
                room=data["room"],
            )
        except ProgramsError as error:
            form.add_error(error.field, error.message)
        except SchedulingError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("Your proposal was sent. The national office will review it.")
            )
            return redirect("programs:staff-program-list")
    return render(
        request,
        "scheduling/proposals/offering_propose.html",
        {"form": form, "partner": partner, "has_programs": programs.exists()},
    )


@requires(Capability.MANAGE_PROGRAMS)
def offering_decide(request: HttpRequest, pk: int) -> HttpResponse:
    offering = offering_proposal_list(scope=scope_for(request.user)).filter(pk=pk).first()
    if offering is None:
        raise Http404
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["action"] == DecisionForm.APPROVE:
                offering_approve(offering=offering)
                messages.success(request, _("The offering was approved and published."))
            else:
                offering_decline(offering=offering, reason=form.cleaned_data["comment"])
                messages.success(request, _("The offering was declined."))
        except ProgramsError as error:
            form.add_error(error.field, error.message)
        except SchedulingError as error:
            form.add_error(None, error.message)
        else:
            return redirect("scheduling:staff-proposal-list")
    return render(
        request, "scheduling/proposals/offering_decide.html", {"offering": offering, "form": form}
    )


@requires(Capability.MANAGE_PROGRAMS)
def proposal_list_view(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    return render(
        request,
        "scheduling/proposals/proposal_list.html",
        {
            "programs": proposal_list(scope=scope),
            "offerings": offering_proposal_list(scope=scope),
        },
    )
