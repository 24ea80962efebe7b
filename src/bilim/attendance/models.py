"""Who was at a session: one row per registration and session, whoever marked it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bilim.registrations.models import Registration
from bilim.scheduling.models import Session


class Attendance(models.Model):
    class Method(models.TextChoices):
        QR = "qr", _("QR code scanned")
        CODE = "code", _("check-in code typed")
        ROSTER = "roster", _("marked on the roster")
        WALK_IN = "walk_in", _("registered on the spot")
        AFTERWARDS = "afterwards", _("entered after the session")

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("session")
    )
    registration = models.ForeignKey(
        Registration,
        on_delete=models.CASCADE,
        related_name="attendances",
        verbose_name=_("registration"),
    )
    method = models.CharField(_("how"), max_length=12, choices=Method.choices)
    marked_at = models.DateTimeField(_("marked at"), auto_now_add=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("marked by"),
    )

    class Meta:
        ordering = ["marked_at"]
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["session", "registration"], name="one_attendance_per_session"
            )
        ]

    def __str__(self) -> str:
        return f"{self.registration} @ {self.session}"
