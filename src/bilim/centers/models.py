from django.db import models
from django.utils.translation import gettext_lazy as _

from bilim.geography.models import District


class Center(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        OPEN = "open", _("open")
        SUSPENDED = "suspended", _("suspended")
        CLOSED = "closed", _("closed")

    class Connectivity(models.TextChoices):
        NONE = "none", _("no internet")
        MOBILE = "mobile", _("mobile internet")
        FIXED = "fixed", _("fixed line")

    code = models.SlugField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    district = models.ForeignKey(
        District, on_delete=models.PROTECT, related_name="centers", verbose_name=_("district")
    )
    address = models.CharField(_("address"), max_length=300)
    how_to_get_there = models.TextField(
        _("how to get there"),
        blank=True,
        help_text=_("Landmarks, public transport, the entrance to use."),
    )
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PLANNED
    )
    opened_on = models.DateField(_("opened on"), null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    # Accessibility features: what a person with a disability can rely on at the venue.
    step_free_entrance = models.BooleanField(_("step-free entrance"), default=False)
    ramp = models.BooleanField(_("ramp"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    sign_language_on_request = models.BooleanField(
        _("sign-language interpreting on request"), default=False
    )
    large_print_materials = models.BooleanField(_("large-print materials"), default=False)
    connectivity = models.CharField(
        _("internet connection"),
        max_length=10,
        choices=Connectivity.choices,
        default=Connectivity.MOBILE,
    )
    connection_speed_mbps = models.PositiveIntegerField(
        _("connection speed, Mbit/s"), null=True, blank=True
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("center")
        verbose_name_plural = _("centers")
        indexes = [models.Index(fields=["status", "district"])]

    def __str__(self) -> str:
        return self.name


class Room(models.Model):
    center = models.ForeignKey(
        Center, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("center")
    )
    name = models.CharField(_("name"), max_length=120)
    capacity = models.PositiveSmallIntegerField(_("capacity"))
    equipment = models.CharField(_("equipment"), max_length=300, blank=True)
    step_free = models.BooleanField(_("step-free access"), default=True)

    class Meta:
        ordering = ["center", "name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [
            models.UniqueConstraint(fields=["center", "name"], name="room_name_unique_in_center"),
            models.CheckConstraint(
                condition=models.Q(capacity__gt=0), name="room_capacity_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.center} · {self.name}"


class OpeningHours(models.Model):
    """One opening period on a weekday; a day may have two (before and after lunch)."""

    class Weekday(models.IntegerChoices):
        MONDAY = 0, _("Monday")
        TUESDAY = 1, _("Tuesday")
        WEDNESDAY = 2, _("Wednesday")
        THURSDAY = 3, _("Thursday")
        FRIDAY = 4, _("Friday")
        SATURDAY = 5, _("Saturday")
        SUNDAY = 6, _("Sunday")

    center = models.ForeignKey(
        Center, on_delete=models.CASCADE, related_name="opening_hours", verbose_name=_("center")
    )
    weekday = models.PositiveSmallIntegerField(_("day of the week"), choices=Weekday.choices)
    opens = models.TimeField(_("opens at"))
    closes = models.TimeField(_("closes at"))

    class Meta:
        ordering = ["center", "weekday", "opens"]
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes__gt=models.F("opens")), name="hours_close_after_open"
            ),
            models.UniqueConstraint(
                fields=["center", "weekday", "opens"], name="hours_one_period_per_start"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class OpeningException(models.Model):
    """A day that differs from the week: a holiday (closed) or shorter hours."""

    center = models.ForeignKey(
        Center,
        on_delete=models.CASCADE,
        related_name="opening_exceptions",
        verbose_name=_("center"),
    )
    date = models.DateField(_("date"))
    closed = models.BooleanField(_("closed all day"), default=True)
    opens = models.TimeField(_("opens at"), null=True, blank=True)
    closes = models.TimeField(_("closes at"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["center", "date"]
        verbose_name = _("opening exception")
        verbose_name_plural = _("opening exceptions")
        constraints = [
            models.UniqueConstraint(fields=["center", "date"], name="exception_one_per_day"),
            models.CheckConstraint(
                condition=models.Q(closed=True, opens__isnull=True, closes__isnull=True)
                | models.Q(closed=False, opens__isnull=False, closes__gt=models.F("opens")),
                name="exception_closed_or_hours",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.date:%d.%m.%Y}"
