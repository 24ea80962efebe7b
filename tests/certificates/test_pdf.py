"""The certificate PDF: its text read back with pdftotext, its QR code read back with zbarimg."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image, ImageDraw

from bilim.certificates.pdf import certificate_pdf, lookup_url, verification_url
from bilim.certificates.services import certificates_issue
from tests.factories import PartnerFactory

from .conftest import NOW

# poppler-utils and zbar-tools, installed by the setup script.
TOOLS = {
    name: shutil.which(name) or f"/usr/bin/{name}"
    for name in ("pdftotext", "pdftoppm", "pdfinfo", "pdfimages", "zbarimg")
}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _logo(color: tuple[int, int, int]) -> SimpleUploadedFile:
    image = Image.new("RGB", (360, 120), (255, 255, 255))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((4, 4, 356, 116), radius=20, fill=color)
    draw.ellipse((24, 24, 96, 96), fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def certificate(group, media):
    program = group.offering.program
    program.lead_partner = PartnerFactory(logo=_logo((11, 83, 148)))
    program.save()
    program.partners.add(PartnerFactory(logo=_logo((200, 16, 46))), PartnerFactory())  # no logo
    person = group.register("Айгүл Өмүрбекова", language="ky")
    group.attend(person, 4)
    [certificate] = certificates_issue(offering=group.offering, now=NOW)
    return certificate


def _render(certificate, tmp_path, name):
    pdf = tmp_path / f"{name}.pdf"
    pdf.write_bytes(certificate_pdf(certificate))
    text = subprocess.run(
        [TOOLS["pdftotext"], "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    subprocess.run(
        [
            TOOLS["pdftoppm"],
            "-r",
            "150",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(tmp_path / name),
        ],
        check=True,
    )
    png = tmp_path / f"{name}.png"
    # Kept for people to look at, like the browser tests' screenshots.
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / f"certificate-pdf-{name}.png").write_bytes(png.read_bytes())
    return pdf, text, png


def test_the_kyrgyz_certificate_reads_back_with_its_letters(certificate, tmp_path):
    pdf, text, _ = _render(certificate, tmp_path, "ky")
    assert "Айгүл Өмүрбекова" in text
    assert "Жарандык билим: шайлоо укугу жана өңүт" in text  # ң ө ү survive
    assert certificate.number in text
    assert "12" in text
    assert certificate.registration.offering.center.name_ky in text
    with translation.override("ky"):
        assert translation.gettext("Civic and Digital Education Centers").upper() in text
    pages = subprocess.run([TOOLS["pdfinfo"], str(pdf)], check=True, capture_output=True, text=True)
    assert re.search(r"Pages:\s+1\n", pages.stdout)
    assert "841.89 x 595.276 pts (A4)" in pages.stdout  # landscape


def test_the_qr_code_opens_the_verification_page(certificate, tmp_path):
    _, _, png = _render(certificate, tmp_path, "ky-qr")
    decoded = subprocess.run(
        [TOOLS["zbarimg"], "-q", "--raw", str(png)], check=True, capture_output=True, text=True
    ).stdout.strip()
    assert decoded == verification_url(certificate)
    assert decoded.endswith(f"/ky/certificates/verify/{certificate.verification_code}/")


def test_the_code_and_the_page_to_type_it_on_are_printed_by_the_qr_code(certificate, tmp_path):
    _, text, _ = _render(certificate, tmp_path, "ky-code")
    code = certificate.short_code_display
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}", code)
    assert code in text  # for who cannot scan: short enough to read aloud and type
    assert lookup_url(certificate).endswith("/ky/certificates/verify/")
    assert lookup_url(certificate) in text


def test_the_partner_logos_are_embedded(certificate, tmp_path):
    pdf, _, _ = _render(certificate, tmp_path, "logos")
    listing = subprocess.run(
        [TOOLS["pdfimages"], "-list", str(pdf)], check=True, capture_output=True, text=True
    )
    images = listing.stdout.strip().splitlines()[2:]
    assert len(images) == 2  # the lead and one co-delivering partner; the third has none


def test_a_russian_speakers_certificate_is_in_russian(certificate, tmp_path):
    participant = certificate.registration.participant
    participant.name = "Ольга Иванова"
    participant.save()
    certificate.language = "ru"
    certificate.save()
    _, text, _ = _render(certificate, tmp_path, "ru")
    assert "Ольга Иванова" in text
    assert "Гражданское образование: избирательное право" in text
    assert certificate.registration.offering.center.name_ru in text
    assert "/ru/certificates/verify/" in text
    with translation.override("ru"):
        assert translation.gettext("Civic and Digital Education Centers").upper() in text
