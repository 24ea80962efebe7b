"""Staff pages of the program catalog: list, open, create, edit, propose, decide, materials."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from bilim.accounts.models import User
from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for
from bilim.partners.models import Partner

from ..errors import ProgramsError
from ..forms import AudienceForm, DecisionForm, MaterialForm, ProgramForm, StatusForm
from ..models import Program, ProgramMaterial
from ..selectors import audience_list, partner_of, program_get, program_list, proposal_list
from ..services import (
    TRANSITIONS,
    audience_create,
    material_add,
    material_remove,
    program_approve,
    program_create,
    program_decline,
    program_propose,
    program_set_status,
    program_update,
)

Status = Program.Status


def _scoped_program(request: HttpRequest, code: str) -> Program:
    try:
        return program_get(scope=scope_for(request.user), code=code)
    except Program.DoesNotExist:
        # Out of scope looks the same as absent: no hint that the program exists.
        raise Http404 from None


def own_partner(request: HttpRequest) -> Partner:
    """The partner a coordinator acts for; 403 for anyone else."""
    partner = partner_of(scope=scope_for(request.user))
    if partner is None:
        raise PermissionDenied
    return partner


@requires(Capability.VIEW_PROGRAMS)
def program_list_view(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    status = request.GET.get("status")
    status = status if status in Status.values else None
    partner = partner_of(scope=scope)
    return render(
        request,
        "programs/staff/program_list.html",
        {
            "programs": program_list(scope=scope, status=status),
            "status": status,
            "statuses": Status.choices,
            "partner": partner,
            "proposal_count": proposal_list(scope=scope).count()
            if scope.can(Capability.MANAGE_PROGRAMS)
            else 0,
        },
    )


def _detail_context(request: HttpRequest, program: Program, **extra: object) -> dict[str, object]:
    scope = scope_for(request.user)
    return {
        "program": program,
        "materials": list(program.materials.all()),
        "next_statuses": [Status(s) for s in Status.values if s in TRANSITIONS[program.status]],
        "can_revise": program.status in (Status.PROPOSED, Status.DECLINED)
        and program.proposed_by_id in scope.partner_ids
        and scope.can(Capability.PROPOSE_PROGRAMS),
        "decision_form": DecisionForm(),
        **extra,
    }


@requires(Capability.VIEW_PROGRAMS)
def program_detail(request: HttpRequest, code: str) -> HttpResponse:
    program = _scoped_program(request, code)
    return render(request, "programs/staff/program_detail.html", _detail_context(request, program))


@requires(Capability.MANAGE_PROGRAMS)
def program_create_view(request: HttpRequest) -> HttpResponse:
    form = ProgramForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            program = program_create(fields=form.program_fields(), code=form.cleaned_data["code"])
        except ProgramsError as error:
            form.add_error(error.field, error.message)
        else:
            messages.success(request, _("The program was saved as a draft."))
            return redirect("programs:staff-program-detail", program.code)
    return render(request, "programs/staff/program_form.html", {"form": form, "program": None})


@requires(Capability.MANAGE_PROGRAMS)
def program_edit(request: HttpRequest, code: str) -> HttpResponse:
    program = _scoped_program(request, code)
    form = ProgramForm(request.POST or None, instance=program)
    if request.method == "POST" and form.is_valid():
        try:
            program_update(program=program, fields=form.program_fields())
        except (ProgramsError, ValidationError) as error:
            _refused(form, error)
        else:
            messages.success(request, _("The program was saved."))
            return redirect("programs:staff-program-detail", program.code)
    return render(request, "programs/staff/program_form.html", {"form": form, "program": program})


def _refused(form: ProgramForm | MaterialForm, error: ProgramsError | ValidationError) -> None:
    if isinstance(error, ProgramsError):
        form.add_error(error.field, error.message)
    else:
        # The service checks again what the form checked; a change in between lands here.
        form.add_error(None, error)


@requires(Capability.PROPOSE_PROGRAMS)
def program_propose_view(request: HttpRequest, code: str | None = None) -> HttpResponse:
    partner = own_partner(request)
    program = None
    if code is not None:
        program = _scoped_program(request, code)
        if program.proposed_by_id != partner.pk or program.status not in (
            Status.PROPOSED,
            Status.DECLINED,
        ):
            raise Http404
    form = ProgramForm(request.POST or None, instance=program, partner=partner)
    if request.method == "POST" and form.is_valid():
        try:
            saved = program_propose(partner=partner, fields=form.program_fields(), program=program)
        except (ProgramsError, ValidationError) as error:
            _refused(form, error)
        else:
            messages.success(
                request, _("Your proposal was sent. The national office will review it.")
            )
            return redirect("programs:staff-program-detail", saved.code)
    return render(
        request,
        "programs/staff/program_propose.html",
        {"form": form, "program": program, "partner": partner},
    )


@requires(Capability.MANAGE_PROGRAMS)
def program_status(request: HttpRequest, code: str) -> HttpResponse:
    program = _scoped_program(request, code)
    form = StatusForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            program = program_set_status(program=program, status=form.cleaned_data["status"])
        except ProgramsError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The program is now “%(status)s”.") % {"status": program.get_status_display()},
            )
    return redirect("programs:staff-program-detail", program.code)


@requires(Capability.MANAGE_PROGRAMS)
def program_decide(request: HttpRequest, code: str) -> HttpResponse:
    program = _scoped_program(request, code)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        author: User = request.user  # type: ignore[assignment]
        comment = form.cleaned_data["comment"]
        try:
            if form.cleaned_data["action"] == DecisionForm.APPROVE:
                program_approve(program=program, author=author, comment=comment)
                messages.success(request, _("The proposal was approved and the program published."))
            else:
                program_decline(program=program, author=author, comment=comment)
                messages.success(
                    request, _("The proposal was declined; the partner may revise it.")
                )
        except ProgramsError as error:
            form.add_error(error.field, error.message)
        else:
            return redirect("scheduling:staff-proposal-list")
    context = _detail_context(request, program, decision_form=form)
    return render(request, "programs/staff/program_detail.html", context)


@requires(Capability.MANAGE_PROGRAMS)
def material_create(request: HttpRequest, code: str) -> HttpResponse:
    program = _scoped_program(request, code)
    form = MaterialForm(
        request.POST or None, request.FILES or None, instance=ProgramMaterial(program=program)
    )
    if request.method == "POST" and form.is_valid():
        try:
            material_add(program=program, **form.material_fields())
        except (ProgramsError, ValidationError) as error:
            _refused(form, error)
        else:
            messages.success(request, _("The material was added."))
            return redirect("programs:staff-program-detail", program.code)
    return render(request, "programs/staff/material_form.html", {"form": form, "program": program})


@requires(Capability.MANAGE_PROGRAMS)
def material_delete(request: HttpRequest, code: str, pk: int) -> HttpResponse:
    program = _scoped_program(request, code)
    material = get_object_or_404(ProgramMaterial, pk=pk, program=program)
    if request.method == "POST":
        material_remove(material=material)
        messages.success(request, _("The material was removed."))
        return redirect("programs:staff-program-detail", program.code)
    return render(
        request,
        "programs/staff/material_delete.html",
        {"program": program, "material": material},
    )


@requires(Capability.MANAGE_PROGRAMS)
def audience_list_view(request: HttpRequest) -> HttpResponse:
    form = AudienceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            audience = audience_create(names=form.names())
        except ProgramsError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("The audience “%(name)s” was added.") % {"name": audience.name}
            )
            return redirect("programs:staff-audience-list")
    return render(
        request,
        "programs/staff/audience_list.html",
        {"form": form, "audiences": audience_list()},
    )
