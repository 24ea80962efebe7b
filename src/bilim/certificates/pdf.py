"""The certificate as an A4 landscape PDF, in the certificate's language, with its QR code.

Rendered from an HTML template by `bilim.web.pdf.html_to_pdf`: logos and the QR code are
embedded as data: URIs, since nothing else is fetched.
"""

import base64
import mimetypes
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bilim.notifications.qr import qr_svg_data_uri
from bilim.partners.models import Partner
from bilim.web.pdf import html_to_pdf

from .models import Certificate


@dataclass(frozen=True)
class Logo:
    name: str
    src: str


def verification_url(certificate: Certificate) -> str:
    """The public page that confirms the certificate, in the certificate's language."""
    with translation.override(certificate.language):
        path = reverse("certificates:verify", args=[certificate.verification_code])
    return f"{settings.BILIM_SITE_URL}{path}"


def lookup_url(certificate: Certificate) -> str:
    """The page where the printed code is typed by hand, in the certificate's language."""
    with translation.override(certificate.language):
        path = reverse("certificates:verify-lookup")
    return f"{settings.BILIM_SITE_URL}{path}"


def _logo(partner: Partner) -> Logo | None:
    if not partner.logo:
        return None
    try:
        with partner.logo.open("rb") as file:
            data = file.read()
    except OSError:  # the file went missing from storage: print the rest
        return None
    mime = mimetypes.guess_type(partner.logo.name or "")[0] or "image/png"
    return Logo(str(partner.name), f"data:{mime};base64,{base64.b64encode(data).decode()}")


def partner_logos(certificate: Certificate) -> list[Logo]:
    """The lead partner's logo first, then the co-delivering partners'; those with none skipped."""
    program = certificate.registration.offering.program
    partners = [program.lead_partner] if program.lead_partner else []
    partners += [p for p in program.partners.order_by("slug") if p not in partners]
    return [logo for logo in map(_logo, partners) if logo is not None]


def format_hours(hours: Decimal) -> str:
    """6 hours, 7,5 hours: no trailing ",0", the language's decimal separator."""
    whole = hours == hours.to_integral_value()
    value = number_format(hours, decimal_pos=0 if whole else 1)
    # Translators: the length of the program on a certificate, e.g. "12 hours".
    # A fraction takes the form of 2 ("7,5 часа", "7.5 hours"), not that of its ceiling.
    count = int(hours) if whole else 2
    return ngettext("%(hours)s hour", "%(hours)s hours", count) % {"hours": value}


def certificate_context(certificate: Certificate) -> dict[str, object]:
    """What the certificate shows; call inside translation.override(certificate.language)."""
    offering = certificate.registration.offering
    url = verification_url(certificate)
    return {
        "certificate": certificate,
        "name": certificate.registration.participant.name,
        "program_title": offering.program.title,
        "hours": format_hours(certificate.hours),
        "center": offering.center.name if offering.center else _("online"),
        "issued_on": date_format(timezone.localtime(certificate.issued_at), "DATE_FORMAT"),
        "logos": partner_logos(certificate),
        "qr": qr_svg_data_uri(url),
        "lookup_url": lookup_url(certificate),
        "code": certificate.short_code_display,
    }


def certificate_pdf(certificate: Certificate) -> bytes:
    """Render the certificate to PDF bytes, in the certificate's language."""
    with translation.override(certificate.language):
        html = render_to_string("certificates/pdf.html", certificate_context(certificate))
    return html_to_pdf(html)
