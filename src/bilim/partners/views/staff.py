"""Staff pages for the partner registry: list, open, create, edit, agreements, contributions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for

from ..forms import AgreementForm, ContributionForm, PartnerForm
from ..models import Agreement, Contribution, Partner
from ..selectors import application_counts, contribution_totals, partner_get, partner_list
from ..services import agreement_save, contribution_save, partner_upsert


def _scoped_partner(request: HttpRequest, slug: str) -> Partner:
    try:
        return partner_get(scope=scope_for(request.user), slug=slug)
    except Partner.DoesNotExist:
        # Out of scope looks the same as absent: no hint that the partner exists.
        raise Http404 from None


def _refused(form: BaseForm, error: ValidationError) -> None:
    # The service checks again what the form checked; a change in between lands here.
    form.add_error(None, error)


@requires(Capability.VIEW_PARTNERS)
def partner_list_view(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user)
    expiring_only = request.GET.get("expiring") == "1"
    partners = partner_list(scope=scope, today=timezone.localdate(), expiring_only=expiring_only)
    counts = application_counts(scope=scope) if scope.can(Capability.MANAGE_PARTNERS) else {}
    return render(
        request,
        "partners/partner_list.html",
        {"partners": partners, "expiring_only": expiring_only, "application_counts": counts},
    )


@requires(Capability.VIEW_PARTNERS)
def partner_detail(request: HttpRequest, slug: str) -> HttpResponse:
    partner = _scoped_partner(request, slug)
    contributions = list(partner.contributions.all())
    return render(
        request,
        "partners/partner_detail.html",
        {
            "partner": partner,
            "today": timezone.localdate(),
            "contributions": contributions,
            "totals": contribution_totals(contributions=contributions),
        },
    )


@requires(Capability.MANAGE_PARTNERS)
def partner_create(request: HttpRequest) -> HttpResponse:
    return _partner_form(request, None)


@requires(Capability.MANAGE_PARTNERS)
def partner_edit(request: HttpRequest, slug: str) -> HttpResponse:
    return _partner_form(request, _scoped_partner(request, slug))


def _partner_form(request: HttpRequest, partner: Partner | None) -> HttpResponse:
    form = PartnerForm(request.POST or None, request.FILES or None, instance=partner)
    if request.method == "POST" and form.is_valid():
        try:
            saved = partner_upsert(**form.partner_fields())
        except ValidationError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The partner was saved."))
            return redirect("partners:staff-partner-detail", saved.slug)
    return render(request, "partners/partner_form.html", {"form": form, "partner": partner})


@requires(Capability.MANAGE_PARTNERS)
def agreement_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    partner = _scoped_partner(request, slug)
    agreement = get_object_or_404(Agreement, pk=pk, partner=partner) if pk else None
    form = AgreementForm(
        request.POST or None,
        request.FILES or None,
        instance=agreement or Agreement(partner=partner),
    )
    if request.method == "POST" and form.is_valid():
        try:
            agreement_save(partner=partner, agreement=agreement, **form.agreement_fields())
        except ValidationError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The agreement was saved."))
            return redirect("partners:staff-partner-detail", partner.slug)
    context = {"form": form, "partner": partner, "agreement": agreement}
    return render(request, "partners/agreement_form.html", context)


@requires(Capability.VIEW_PARTNERS)
def agreement_file(request: HttpRequest, slug: str, pk: int) -> FileResponse:
    partner = _scoped_partner(request, slug)
    agreement = get_object_or_404(Agreement, pk=pk, partner=partner)
    if not agreement.file:
        raise Http404
    return FileResponse(
        agreement.file.open("rb"),
        as_attachment=True,
        filename=f"{partner.slug}-agreement-{agreement.pk}.pdf",
        content_type="application/pdf",
    )


@requires(Capability.MANAGE_PARTNERS)
def contribution_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    partner = _scoped_partner(request, slug)
    contribution = get_object_or_404(Contribution, pk=pk, partner=partner) if pk else None
    form = ContributionForm(
        request.POST or None, instance=contribution or Contribution(partner=partner)
    )
    if request.method == "POST" and form.is_valid():
        try:
            contribution_save(
                partner=partner, contribution=contribution, **form.contribution_fields()
            )
        except ValidationError as error:
            _refused(form, error)
        else:
            messages.success(request, _("The contribution was saved."))
            return redirect("partners:staff-partner-detail", partner.slug)
    context = {"form": form, "partner": partner, "contribution": contribution}
    return render(request, "partners/contribution_form.html", context)
