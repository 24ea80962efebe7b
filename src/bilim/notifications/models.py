"""The outbox: every message to a person, written with the change that causes it.

A row is created in the same transaction as the registration, cancellation or decision it
tells about, so a message is never lost nor sent for a change that was rolled back. A
background task delivers it after commit and retries with backoff; what finally fails
stays visible to staff.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from bilim.centers.models import Center
from bilim.web.languages import LANGUAGES


class Message(models.Model):
    class Channel(models.TextChoices):
        EMAIL = "email", _("e-mail")
        SMS = "sms", _("SMS")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting to be sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("could not be sent")

    channel = models.CharField(_("channel"), max_length=5, choices=Channel.choices)
    recipient = models.CharField(_("recipient"), max_length=254)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="ky")
    kind = models.SlugField(_("kind"), max_length=40)
    subject = models.CharField(_("subject"), max_length=200, blank=True)
    body = models.TextField(_("text"))
    # SMS only: the parts the gateway splits the text into, each one paid for.
    segments = models.PositiveSmallIntegerField(_("SMS parts"), null=True, blank=True)
    # E-mail only: a link sent along as a QR code image (the personal link, shown at
    # check-in). The image is drawn when the message is sent, not stored.
    qr_payload = models.CharField(_("link in the QR code"), max_length=300, blank=True)
    center = models.ForeignKey(
        Center,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages",
        verbose_name=_("center"),
    )
    # The same event never sends twice, e.g. "reminder-24h:registration:42".
    dedupe_key = models.CharField(
        _("deduplication key"), max_length=120, null=True, blank=True, unique=True
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"))
    last_error = models.TextField(_("last error"), blank=True)
    provider_id = models.CharField(_("provider's message id"), max_length=120, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        indexes = [
            models.Index(fields=["status", "next_attempt_at"]),
            models.Index(fields=["center", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.get_channel_display()} → {self.recipient}: {self.kind}"
