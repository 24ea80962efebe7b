"""Public pages: verify a certificate by its QR code or by hand; a participant downloads theirs."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bilim.web.ratelimits import SubmissionLimit

from ..errors import TOO_MANY_LOOKUPS
from ..forms import CodeLookupForm, Lookup, NumberLookupForm
from ..models import Certificate
from ..pdf import certificate_pdf
from ..selectors import (
    certificate_by_code,
    certificate_by_number,
    certificate_by_short_code,
    valid_certificate_for_token,
)

# Lookups by hand per connection and hour: enough for an employer checking a pile of
# certificates, far too few to walk the codes or to pair numbers with guessed surnames.
LOOKUP_LIMIT = SubmissionLimit(group="certificates:lookup", rate="20/h")
STATES = {None: "unknown", True: "valid", False: "revoked"}


def _private(response: HttpResponse) -> HttpResponse:
    # Names are on these pages: not for search engines nor for shared caches.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


def _verdict(certificate: Certificate | None) -> str:
    return STATES[certificate.is_valid if certificate else None]


def certificate_lookup(request: HttpRequest) -> HttpResponse:
    """Check a certificate by its printed code, or by its number with the holder's surname."""
    by_number = request.POST.get("how") == "number"
    data = request.POST if request.method == "POST" else None
    code_form = CodeLookupForm(None if by_number else data)
    number_form = NumberLookupForm(data if by_number else None)
    form = number_form if by_number else code_form
    context: dict[str, object] = {
        "state": "lookup",
        "form": form,
        "code_form": code_form,
        "number_form": number_form,
        "by_number": by_number,
    }
    status = 200
    if form.is_bound and LOOKUP_LIMIT.reached(request):
        form.is_valid()  # show any other problem now, so one more try is enough
        form.add_error(None, str(TOO_MANY_LOOKUPS))
        status = 429
    elif form.is_bound and form.is_valid():
        LOOKUP_LIMIT.count(request)
        if by_number:
            certificate = certificate_by_number(**number_form.cleaned_data)
        else:
            certificate = _by_code(code_form.cleaned_data["code"])
        context.update(state=_verdict(certificate), certificate=certificate)
    return _private(render(request, "certificates/verify.html", context, status=status))


def _by_code(lookup: Lookup) -> Certificate | None:
    if lookup.short_code:
        return certificate_by_short_code(code=lookup.short_code)
    return certificate_by_code(code=lookup.verification_code)


def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    """The page a certificate's QR code opens."""
    certificate = certificate_by_code(code=code)
    response = render(
        request,
        "certificates/verify.html",
        {
            "state": _verdict(certificate),
            "certificate": certificate,
            "code_form": CodeLookupForm(),
            "number_form": NumberLookupForm(),
        },
        status=404 if certificate is None else 200,
    )
    return _private(response)


def pdf_response(pdf: bytes, number: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificate-{number}.pdf"'
    return _private(response)


def certificate_pdf_view(request: HttpRequest, token: str) -> HttpResponse:
    """The person's certificate, in their language whatever the page's; 404 if none is valid."""
    certificate = valid_certificate_for_token(token=token)
    return pdf_response(certificate_pdf(certificate), certificate.number)
