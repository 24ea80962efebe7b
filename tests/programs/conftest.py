import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from bilim.partners.models import Direction
from bilim.programs.models import Audience
from bilim.programs.services import ProgramFields


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded files go to a temporary directory."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def program_fields(**overrides) -> ProgramFields:
    values = {
        "titles": {"ky": "Шайлоо укугу", "ru": "Избирательное право", "en": ""},
        "summaries": {"ky": "Шайлоо тууралуу", "ru": "О выборах", "en": ""},
        "descriptions": {"ky": "", "ru": "", "en": ""},
        "direction": Direction.objects.get(code="civic"),
        "activity_type": "course",
        "session_count": 4,
        "hours": Decimal("6.0"),
        "languages": ["ru", "ky"],
        "audiences": list(Audience.objects.filter(code="youth")),
        "certificate_min_attendance": 75,
        "min_age": 16,
    }
    values.update(overrides)
    return ProgramFields(**values)


def pdf_upload(name: str = "handout.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n<<>>\nendobj\n%%EOF\n")


def png_upload(name: str = "poster.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def office_upload(name: str, part: str) -> SimpleUploadedFile:
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(part, "<x/>")
    return SimpleUploadedFile(name, buffer.getvalue())
