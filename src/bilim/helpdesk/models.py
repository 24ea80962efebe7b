"""The e-government help desk: one row per consultation, no name needed."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bilim.centers.models import Center
from bilim.registrations.models import AgeBand, Disability, Participant, Sex

MAX_MINUTES = 240
# A consultation may be corrected or removed this long after it was logged; older ones
# are already in the reports.
EDIT_DAYS = 7


class ServiceCategory(models.Model):
    """What the citizen came about (a managed list; names in ky/ru/en)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("service category")
        verbose_name_plural = _("service categories")

    def __str__(self) -> str:
        return self.name


class Consultation(models.Model):
    class Outcome(models.TextChoices):
        RESOLVED = "resolved", _("resolved")
        REFERRED = "referred", _("referred to an agency")
        NOT_RESOLVED = "not_resolved", _("not resolved")

    class Channel(models.TextChoices):
        WALK_IN = "walk_in", _("came to the center")
        PHONE = "phone", _("phone call")

    center = models.ForeignKey(
        Center, on_delete=models.PROTECT, related_name="+", verbose_name=_("center")
    )
    category = models.ForeignKey(
        ServiceCategory,
        on_delete=models.PROTECT,
        related_name="consultations",
        verbose_name=_("service"),
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    referred_to = models.CharField(_("referred to"), max_length=200, blank=True)
    not_resolved_reason = models.CharField(_("why not resolved"), max_length=300, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration, minutes"), validators=[MinValueValidator(1), MaxValueValidator(MAX_MINUTES)]
    )
    channel = models.CharField(_("channel"), max_length=8, choices=Channel.choices)
    sex = models.CharField(_("sex"), max_length=16, choices=Sex.choices, default=Sex.NOT_DISCLOSED)
    age_band = models.CharField(
        _("age band"), max_length=16, choices=AgeBand.choices, default=AgeBand.NOT_DISCLOSED
    )
    disability = models.CharField(
        _("disability"),
        max_length=16,
        choices=Disability.choices,
        default=Disability.NOT_DISCLOSED,
    )
    # Only when the person agreed to link the consultation to their registrations.
    participant = models.ForeignKey(
        Participant,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("participant"),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    # Not auto_now_add: the service takes the moment, so the demo can back-date its history.
    created_at = models.DateTimeField(
        _("created at"), default=timezone.now, editable=False, db_index=True
    )
    # Who corrected the consultation last, and when (empty until someone does).
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    updated_at = models.DateTimeField(_("changed at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome="referred") | ~Q(referred_to=""),
                name="consultation_referred_names_agency",
            ),
            models.CheckConstraint(
                condition=~Q(outcome="not_resolved") | ~Q(not_resolved_reason=""),
                name="consultation_not_resolved_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1, duration_minutes__lte=MAX_MINUTES),
                name="consultation_duration_in_range",
            ),
        ]
        indexes = [models.Index(fields=["center", "created_at"])]

    def __str__(self) -> str:
        return f"{self.category} {self.created_at:%Y-%m-%d %H:%M}"
