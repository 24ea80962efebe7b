from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bilim.partners.models import Direction, Partner
from bilim.web.languages import LANGUAGES

from .files import material_upload_to, validate_material_file


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
        # A partner's proposal, waiting for the national office; declined ones may be revised.
        PROPOSED = "proposed", _("proposed by a partner")
        DECLINED = "declined", _("proposal declined")

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
    # Off by default: a group is closed once its remaining sessions cannot earn the certificate.
    late_joiners = models.BooleanField(
        _("late joiners may register (without the certificate)"),
        default=False,
        help_text=_(
            "Tick this if people may still join a group when the sessions left are too few "
            "to earn the certificate. They are told they can attend but not earn it."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    proposed_by = models.ForeignKey(
        Partner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_programs",
        verbose_name=_("proposed by"),
    )
    decision_comment = models.TextField(_("comment on the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

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


class ProgramMaterial(models.Model):
    """A file, a video or a link that goes with a program (the Manas videos, handouts)."""

    class Kind(models.TextChoices):
        FILE = "file", _("file")
        VIDEO = "video", _("video")
        LINK = "link", _("link")

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, related_name="materials", verbose_name=_("program")
    )
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    file = models.FileField(
        _("file"),
        upload_to=material_upload_to,
        blank=True,
        max_length=200,
        validators=[validate_material_file],
        help_text=_("PDF, Word (DOCX), PowerPoint (PPTX) or an image; at most 20 MB."),
    )
    url = models.URLField(_("address of the video or page"), max_length=500, blank=True)
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=LANGUAGES,
        blank=True,
        help_text=_("Leave empty if the material does not depend on a language."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(kind="file") & ~models.Q(file="") & models.Q(url=""))
                | (models.Q(kind__in=["video", "link"]) & ~models.Q(url="") & models.Q(file="")),
                name="material_is_a_file_or_an_address",
            ),
        ]

    def __str__(self) -> str:
        return self.title
