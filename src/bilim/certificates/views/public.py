"""Public pages: verify a certificate by its code; a participant downloads their own."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from ..forms import LookupForm
from ..pdf import certificate_pdf
from ..selectors import certificate_by_code, valid_certificate_for_token


def _private(response: HttpResponse) -> HttpResponse:
    # Names are on these pages: not for search engines nor for shared caches.
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


def certificate_lookup(request: HttpRequest) -> HttpResponse:
    """Type the code when the QR code cannot be scanned; by code only, numbers are guessable."""
    form = LookupForm(request.GET or None)
    if form.is_bound and form.is_valid():
        return redirect("certificates:verify", form.cleaned_data["code"])
    return _private(render(request, "certificates/verify.html", {"state": "lookup", "form": form}))


def certificate_verify(request: HttpRequest, code: str) -> HttpResponse:
    certificate = certificate_by_code(code=code)
    states = {None: "unknown", True: "valid", False: "revoked"}
    state = states[certificate.is_valid if certificate else None]
    response = render(
        request,
        "certificates/verify.html",
        {"state": state, "certificate": certificate, "form": LookupForm()},
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
