from django.db import models
from django.utils.translation import gettext_lazy as _

from bilim.partners.models import Direction, Partner


class Audience(models.Model):
    """A group a program is meant for; the national office may add more."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        ordering = ["id"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=160)

    class Meta:
        ordering = ["code"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class Program(models.Model):
    class ActivityType(models.TextChoices):
        COURSE = "course", _("course")
        WORKSHOP = "workshop", _("workshop")
        MOTIVATIONAL = "motivational", _("motivational meeting")
        ROUND_TABLE = "round_table", _("round table")
        DEBATE_CLUB = "debate_club", _("debate club")
        EXPERT_MEETING = "expert_meeting", _("meeting with an expert")
        FILM_SCREENING = "film_screening", _("film screening")
        CONSULTATION_DAY = "consultation_day", _("consultation day")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        ARCHIVED = "archived", _("archived")

    code = models.SlugField(_("code"), max_length=40, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400)
    description = models.TextField(_("description"), blank=True)
    direction = models.ForeignKey(
        Direction, on_delete=models.PROTECT, related_name="programs", verbose_name=_("direction")
    )
    activity_type = models.CharField(
        _("activity type"), max_length=20, choices=ActivityType.choices
    )
    themes = models.ManyToManyField(
        Theme, blank=True, related_name="programs", verbose_name=_("themes")
    )
    audiences = models.ManyToManyField(
        Audience, blank=True, related_name="programs", verbose_name=_("audiences")
    )
    languages = models.JSONField(_("languages of delivery"), default=list)
    lead_partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_programs",
        verbose_name=_("lead partner"),
    )
    partners = models.ManyToManyField(
        Partner, blank=True, related_name="programs", verbose_name=_("co-delivering partners")
    )
    session_count = models.PositiveSmallIntegerField(_("number of sessions"), default=1)
    hours = models.DecimalField(_("hours in total"), max_digits=5, decimal_places=1)
    certificate_min_attendance = models.PositiveSmallIntegerField(
        _("attendance needed for a certificate, %"), null=True, blank=True
    )
    min_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(certificate_min_attendance__lte=100)
                | models.Q(certificate_min_attendance__isnull=True),
                name="program_certificate_rule_is_a_percentage",
            ),
            models.CheckConstraint(
                condition=models.Q(session_count__gt=0), name="program_has_sessions"
            ),
        ]

    def __str__(self) -> str:
        return self.title
