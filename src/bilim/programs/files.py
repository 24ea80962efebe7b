"""Checks and storage names for programs' materials: PDF, DOCX, PPTX and images up to 20 MB."""

import os
import uuid
import zipfile
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_MATERIAL_BYTES = 20 * 1024 * 1024
IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp", "GIF": "gif"}
# Extension -> the part an Office file of that kind must contain.
OFFICE_PARTS = {"docx": "word/document.xml", "pptx": "ppt/presentation.xml"}
EXTENSIONS = frozenset({"pdf", *OFFICE_PARTS, "png", "jpg", "jpeg", "webp", "gif"})
ACCEPT = ".pdf,.docx,.pptx,.png,.jpg,.jpeg,.webp,.gif"

WRONG_TYPE = _("Upload a PDF, Word (DOCX), PowerPoint (PPTX) file or a PNG, JPEG, WebP, GIF image.")


def _extension(name: str) -> str:
    return os.path.splitext(name)[1].lower().lstrip(".")


def _is_stored(value: Any) -> bool:
    # A file already in storage was checked when it was uploaded.
    return bool(getattr(value, "_committed", False))


def _content_kind(value: Any) -> str | None:
    """Return the extension the content really has, judged by its bytes, or None."""
    value.seek(0)
    head = value.read(8)
    value.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(value) as archive:
                names = set(archive.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            return None
        finally:
            value.seek(0)
        for extension, part in OFFICE_PARTS.items():
            if part in names:
                return extension
        return None
    try:
        with Image.open(value) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    finally:
        value.seek(0)
    return IMAGE_FORMATS.get(kind or "")


def validate_material_file(value: Any) -> None:
    """Accept a PDF, DOCX, PPTX or image of at most 20 MB whose content matches its name."""
    if _is_stored(value):
        return
    if value.size is not None and value.size > MAX_MATERIAL_BYTES:
        raise ValidationError(_("The file must be 20 MB or smaller."), code="file_too_large")
    extension = _extension(str(value.name or ""))
    if extension == "jpeg":
        extension = "jpg"
    if extension not in EXTENSIONS or _content_kind(value) != extension:
        raise ValidationError(WRONG_TYPE, code="wrong_file_type")


def material_upload_to(instance: Any, filename: str) -> str:
    # A random name: names never collide and say nothing about the uploader's computer.
    extension = _extension(filename)
    return f"programs/materials/{uuid.uuid4().hex}.{'jpg' if extension == 'jpeg' else extension}"
