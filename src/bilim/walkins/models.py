"""The walk-in queue of a center's help desk: numbered tickets, called to a desk."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from bilim.centers.models import Center
from bilim.helpdesk.models import ServiceCategory

DESK_MAX_LENGTH = 10
# No 0/O, 1/I: the code is printed on the slip and may be typed from it.
CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
CODE_LENGTH = 10


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class Ticket(models.Model):
    """One number taken at a center on one day; numbers restart at 1 every day."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("waiting")
        CALLED = "called", _("called")
        SERVED = "served", _("served")
        # Translators: a queue ticket whose holder did not come when called.
        LEFT = "left", _("did not come")
        CANCELLED = "cancelled", _("cancelled")

    center = models.ForeignKey(
        Center, on_delete=models.PROTECT, related_name="+", verbose_name=_("center")
    )
    day = models.DateField(_("day"))
    number = models.PositiveIntegerField(_("number"))
    # The citizen's own page about the ticket (printed on the slip); unguessable.
    code = models.CharField(
        _("code"), max_length=CODE_LENGTH, unique=True, default=new_code, editable=False
    )
    category = models.ForeignKey(
        ServiceCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("service"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    desk = models.CharField(_("desk"), max_length=DESK_MAX_LENGTH, blank=True)
    created_at = models.DateTimeField(_("taken at"))
    called_at = models.DateTimeField(_("first called at"), null=True, blank=True)
    # The last time the number was shown as called on the hall screen ("call again" too).
    announced_at = models.DateTimeField(_("last called at"), null=True, blank=True)
    call_count = models.PositiveSmallIntegerField(_("times called"), default=0)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    called_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("called by"),
    )

    class Meta:
        ordering = ["-day", "number"]
        verbose_name = _("queue ticket")
        verbose_name_plural = _("queue tickets")
        constraints = [
            models.UniqueConstraint(
                fields=["center", "day", "number"], name="walkins_ticket_unique_number"
            ),
            # Two tabs of one desk calling at once must not leave the desk with two people.
            models.UniqueConstraint(
                fields=["center", "day", "desk"],
                condition=Q(status="called"),
                name="walkins_ticket_one_called_per_desk",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="walkins_ticket_number_pos"),
            models.CheckConstraint(
                condition=~Q(status__in=["called", "served", "left"])
                | (Q(called_at__isnull=False) & ~Q(desk="")),
                name="walkins_ticket_called_has_desk",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=["served", "left", "cancelled"])
                | Q(finished_at__isnull=False),
                name="walkins_ticket_finished_has_time",
            ),
        ]
        indexes = [models.Index(fields=["center", "day", "status"])]

    def __str__(self) -> str:
        return f"{self.display_number} ({self.day:%Y-%m-%d})"

    @property
    def display_number(self) -> str:
        """The number as people see it on the slip and the screen: 7 is "007"."""
        return f"{self.number:03d}"
