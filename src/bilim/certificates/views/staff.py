"""Staff page of a group's certificates: who qualifies, issue them, revoke one."""

from typing import cast

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from bilim.accounts.models import User
from bilim.accounts.permissions import requires
from bilim.accounts.selectors import Capability, scope_for
from bilim.attendance.selectors import held_sessions
from bilim.scheduling.models import Offering
from bilim.scheduling.selectors import offering_get

from ..errors import CertificateError
from ..forms import RevokeForm
from ..models import Certificate
from ..pdf import certificate_pdf
from ..rules import gives_certificate, has_ended
from ..selectors import certificate_rows, staff_certificate_get
from ..services import certificate_revoke, certificates_issue
from .public import pdf_response

# The people who run a center's groups (center managers, regional coordinators, the
# national office), each within their scope.
CAPABILITY = Capability.MANAGE_SCHEDULE


def _scoped_offering(request: HttpRequest, pk: int) -> Offering:
    try:
        return offering_get(scope=scope_for(request.user), pk=pk)
    except Offering.DoesNotExist:
        raise Http404 from None


def _scoped_certificate(request: HttpRequest, pk: int) -> Certificate:
    try:
        return staff_certificate_get(scope=scope_for(request.user), pk=pk)
    except Certificate.DoesNotExist:
        raise Http404 from None


@requires(CAPABILITY)
def offering_certificates(request: HttpRequest, pk: int) -> HttpResponse:
    offering = _scoped_offering(request, pk)
    rows = certificate_rows(offering=offering)
    return render(
        request,
        "certificates/staff/offering_certificates.html",
        {
            "offering": offering,
            "rows": rows,
            "held": held_sessions(offering_id=offering.pk).count(),
            "gives_certificate": gives_certificate(offering),
            "ended": has_ended(offering),
            "issued": sum(row.certificate is not None for row in rows),
        },
    )


@require_POST
@requires(CAPABILITY)
def offering_certificates_issue(request: HttpRequest, pk: int) -> HttpResponse:
    offering = _scoped_offering(request, pk)
    try:
        issued = certificates_issue(offering=offering, issued_by=cast(User, request.user))
    except CertificateError as error:
        messages.error(request, error.message)
    else:
        if issued:
            messages.success(
                request,
                ngettext(
                    "%(count)d certificate was issued; the person is told by SMS.",
                    "%(count)d certificates were issued; each person is told by SMS.",
                    len(issued),
                )
                % {"count": len(issued)},
            )
        else:
            messages.info(request, _("Nobody else qualifies for a certificate yet."))
    return redirect("certificates:staff-offering", offering.pk)


@requires(CAPABILITY)
def certificate_revoke_view(request: HttpRequest, pk: int) -> HttpResponse:
    certificate = _scoped_certificate(request, pk)
    offering = certificate.registration.offering
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            certificate_revoke(
                certificate=certificate,
                reason=form.cleaned_data["reason"],
                revoked_by=cast(User, request.user),
            )
        except CertificateError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                _("Certificate %(number)s is revoked.") % {"number": certificate.number},
            )
            return redirect("certificates:staff-offering", offering.pk)
    return render(
        request,
        "certificates/staff/certificate_revoke.html",
        {"certificate": certificate, "offering": offering, "form": form},
    )


@requires(CAPABILITY)
def certificate_staff_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """A valid certificate to print for someone who has no phone to download it."""
    certificate = _scoped_certificate(request, pk)
    if not certificate.is_valid:
        raise Http404
    return pdf_response(certificate_pdf(certificate), certificate.number)
