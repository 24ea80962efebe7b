"""Certificates earned by attending a program, verifiable by anyone from their QR code."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bilim.registrations.models import Registration
from bilim.web.languages import LANGUAGES

from .codes import new_short_code, short_code_display


def new_verification_code() -> str:
    return secrets.token_urlsafe(12)


class Certificate(models.Model):
    registration = models.OneToOneField(
        Registration,
        on_delete=models.PROTECT,
        related_name="certificate",
        verbose_name=_("registration"),
    )
    number = models.CharField(_("number"), max_length=20, unique=True)
    # In the QR code and the verification address: not guessable, unlike the number.
    verification_code = models.CharField(
        max_length=24, unique=True, default=new_verification_code, editable=False
    )
    # Printed beside the QR code, for a person to read aloud and type (codes.py).
    short_code = models.CharField(
        _("code"), max_length=10, unique=True, default=new_short_code, editable=False
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)
    # Empty when the daily run issued it.
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoke_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return self.number

    @property
    def short_code_display(self) -> str:
        return short_code_display(self.short_code)

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None


class NumberSequence(models.Model):
    """The last certificate number given in a year: numbers run 1, 2, 3… within each year."""

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    last = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("certificate number sequence")
        verbose_name_plural = _("certificate number sequences")

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"
