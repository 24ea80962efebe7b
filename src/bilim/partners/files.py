"""Checks and storage for the files partners' records carry: logos and signed agreements."""

import os
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

MAX_LOGO_BYTES = 1024 * 1024
MAX_AGREEMENT_BYTES = 10 * 1024 * 1024
LOGO_FORMATS = frozenset({"PNG", "JPEG", "WEBP", "GIF"})


def _is_stored(value: Any) -> bool:
    # A file already in storage was checked when it was uploaded; reading it back on
    # every later save would cost a disk read and fail if the storage is elsewhere.
    return bool(getattr(value, "_committed", False))


def validate_logo(value: Any) -> None:
    """Accept a PNG, JPEG, WebP or GIF image of at most 1 MB (never SVG: it can carry scripts)."""
    if _is_stored(value):
        return
    if value.size is not None and value.size > MAX_LOGO_BYTES:
        raise ValidationError(_("The logo must be 1 MB or smaller."), code="logo_too_large")
    try:
        value.seek(0)
        with Image.open(value) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        kind = None
    finally:
        value.seek(0)
    if kind not in LOGO_FORMATS:
        raise ValidationError(
            _("Upload the logo as a PNG, JPEG, WebP or GIF image."), code="logo_not_an_image"
        )


def validate_agreement_file(value: Any) -> None:
    """Accept a PDF of at most 10 MB, judged by its content, not only by its name."""
    if _is_stored(value):
        return
    if not str(value.name or "").lower().endswith(".pdf"):
        raise ValidationError(_("Upload the signed agreement as a PDF file."), code="not_pdf")
    if value.size is not None and value.size > MAX_AGREEMENT_BYTES:
        raise ValidationError(_("The file must be 10 MB or smaller."), code="file_too_large")
    value.seek(0)
    head = value.read(5)
    value.seek(0)
    if head != b"%PDF-":
        raise ValidationError(_("Upload the signed agreement as a PDF file."), code="not_pdf")


@deconstructible(path="bilim.partners.files.PrivateStorage")
class PrivateStorage(FileSystemStorage):
    """Files for staff only, under MEDIA_ROOT/private, served by a scoped view and never by URL.

    The location follows MEDIA_ROOT (tests point it at a temporary directory). The
    reverse proxy that serves /media/ must refuse /media/private/.
    """

    @cached_property
    def base_location(self) -> str:
        return os.path.join(settings.MEDIA_ROOT, "private")

    def url(self, name: str | None) -> str:
        # No public address: widgets that print one get an empty link, never the file.
        return ""


private_storage = PrivateStorage()


def agreement_upload_to(instance: Any, filename: str) -> str:
    # A random name: the signed file is not reachable by guessing, and names never collide.
    return f"partners/agreements/{uuid.uuid4().hex}.pdf"
