import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bilim.geography.models import Region

from .files import agreement_upload_to, private_storage, validate_agreement_file, validate_logo

LANGUAGES = [("ky", "Кыргызча"), ("ru", "Русский"), ("en", "English")]
# How long before its end an agreement counts as expiring, in days.
EXPIRY_WARNING_DAYS = 30


class Direction(models.Model):
    """One of the network's four directions of work.

    A table, not a choice list, because partners work in several directions and
    the catalog filters by them; the four rows are created by a migration.
    """

    CIVIC = "civic"
    DIGITAL = "digital"
    E_SERVICES = "e-services"
    COMMUNITY = "community"

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.CharField(_("description"), max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position"]
        verbose_name = _("direction")
        verbose_name_plural = _("directions")

    def __str__(self) -> str:
        return self.name


class Partner(models.Model):
    class Kind(models.TextChoices):
        STATE = "state", _("state body")
        CIVIL_SOCIETY = "civil_society", _("civil society organisation")
        BUSINESS = "business", _("business or association")
        ACADEMIC = "academic", _("academic institution")
        INTERNATIONAL = "international", _("international development partner")
        INDIVIDUAL = "individual", _("individual leader")
        MEDIA = "media", _("media")

    slug = models.SlugField(
        _("short code"),
        max_length=60,
        unique=True,
        help_text=_("Latin letters, digits and hyphens; the partner's page address."),
    )
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(
        _("description"), blank=True, help_text=_("What the partner does with the network.")
    )
    logo = models.ImageField(
        _("logo"),
        upload_to="partners/logos/",
        blank=True,
        validators=[validate_logo],
        help_text=_("PNG, JPEG, WebP or GIF, at most 1 MB."),
    )
    directions = models.ManyToManyField(
        Direction, related_name="partners", verbose_name=_("directions")
    )
    regions = models.ManyToManyField(
        Region,
        blank=True,
        related_name="partners",
        verbose_name=_("regions of work"),
        help_text=_("Leave all unticked if the partner works across the whole country."),
    )
    contact_person = models.CharField(_("contact person"), max_length=200, blank=True)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Only active partners are shown to the public.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name


class Agreement(models.Model):
    """A memorandum or contract signed with a partner; open-ended when it has no end date."""

    class Kind(models.TextChoices):
        MEMORANDUM = "memorandum", _("memorandum of understanding")
        CONTRACT = "contract", _("contract")

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="agreements", verbose_name=_("partner")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    number = models.CharField(_("number"), max_length=60, blank=True)
    signed_on = models.DateField(_("signed on"))
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Leave empty if it has no end date.")
    )
    scope = models.TextField(_("scope"), blank=True, help_text=_("What the parties agreed to do."))
    file = models.FileField(
        _("signed file"),
        upload_to=agreement_upload_to,
        storage=private_storage,
        blank=True,
        validators=[validate_agreement_file],
        help_text=_("The scanned signed agreement: a PDF of at most 10 MB."),
    )
    reminder_sent_on = models.DateField(_("expiry reminder sent on"), null=True, blank=True)

    class Meta:
        ordering = ["-signed_on", "-pk"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=F("signed_on")),
                name="agreement_ends_after_signing",
                violation_error_message=_("An agreement cannot end before it is signed."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}".strip()

    def clean(self) -> None:
        if self.valid_until and self.signed_on and self.valid_until < self.signed_on:
            raise ValidationError(
                {"valid_until": _("An agreement cannot end before it is signed.")}
            )

    def state_on(self, today: datetime.date) -> str:
        """Return "future", "open-ended", "in-force", "expiring" (within the warning period)
        or "ended"."""
        if self.signed_on > today:
            return "future"
        if self.valid_until is None:
            return "open-ended"
        days = (self.valid_until - today).days
        if days < 0:
            return "ended"
        return "expiring" if days <= EXPIRY_WARNING_DAYS else "in-force"

    @property
    def state(self) -> str:
        return self.state_on(timezone.localdate())

    @property
    def days_left(self) -> int | None:
        """Days from today until the agreement ends; None when it has no end date."""
        return None if self.valid_until is None else (self.valid_until - timezone.localdate()).days


class Contribution(models.Model):
    """What a partner gives the network in a year: people, materials, money, space, airtime."""

    class Kind(models.TextChoices):
        TRAINERS = "trainers", _("trainers")
        CURRICULA = "curricula", _("curricula")
        EQUIPMENT = "equipment", _("equipment")
        FUNDING = "funding", _("funding")
        VENUE = "venue", _("venue")
        MEDIA = "media", _("media coverage")

    class Currency(models.TextChoices):
        KGS = "KGS", _("som (KGS)")
        USD = "USD", _("US dollar (USD)")

    partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="contributions", verbose_name=_("partner")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Required for funding; the value in money of anything else, if known."),
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )

    class Meta:
        ordering = ["-year", "kind", "pk"]
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind="funding") | Q(amount__isnull=False),
                name="contribution_funding_has_amount",
                violation_error_message=_("Give the amount of the funding."),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True, currency="")
                | Q(amount__isnull=False, currency__in=["KGS", "USD"]),
                name="contribution_amount_has_currency",
                violation_error_message=_("An amount needs its currency, and only an amount."),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gt=0),
                name="contribution_amount_positive",
                violation_error_message=_("The amount must be more than zero."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    def clean(self) -> None:
        # The same rules as the constraints, said beside the field they concern.
        errors: dict[str, Any] = {}
        if self.kind == self.Kind.FUNDING and self.amount is None:
            errors["amount"] = _("Give the amount of the funding.")
        elif self.amount is not None and self.amount <= 0:
            errors["amount"] = _("The amount must be more than zero.")
        if self.amount is not None and not self.currency:
            errors["currency"] = _("Choose the currency of the amount.")
        elif self.amount is None and self.currency:
            errors["currency"] = _("Leave the currency empty when there is no amount.")
        if errors:
            raise ValidationError(errors)


class PartnershipApplication(models.Model):
    """An organisation's request to become a partner, sent through the public form."""

    class Status(models.TextChoices):
        RECEIVED = "received", _("received")
        UNDER_REVIEW = "under_review", _("under review")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    organisation = models.CharField(_("name of the organisation"), max_length=300)
    kind = models.CharField(_("kind of organisation"), max_length=20, choices=Partner.Kind.choices)
    contact_name = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    offer = models.TextField(_("what the organisation offers"))
    directions = models.ManyToManyField(
        Direction, related_name="applications", verbose_name=_("directions")
    )
    regions = models.ManyToManyField(
        Region, blank=True, related_name="partnership_applications", verbose_name=_("regions")
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="ky")
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    created_at = models.DateTimeField(_("received at"), auto_now_add=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    # Protected: an accepted application keeps its partner (deactivate a partner instead).
    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("partner record"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("partnership application")
        verbose_name_plural = _("partnership applications")
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="accepted") | Q(partner__isnull=False),
                name="application_accepted_has_partner",
            ),
        ]

    def __str__(self) -> str:
        return self.organisation


class ApplicationEvent(models.Model):
    """One step in an application's review: a change of status, a comment, or both."""

    application = models.ForeignKey(
        PartnershipApplication,
        on_delete=models.CASCADE,
        related_name="events",
        verbose_name=_("application"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
    )
    from_status = models.CharField(
        _("from status"), max_length=12, choices=PartnershipApplication.Status.choices, blank=True
    )
    to_status = models.CharField(
        _("to status"), max_length=12, choices=PartnershipApplication.Status.choices
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("review step")
        verbose_name_plural = _("review steps")

    def __str__(self) -> str:
        return f"{self.from_status or '—'} → {self.to_status}"

    @property
    def changes_status(self) -> bool:
        return self.from_status != self.to_status
