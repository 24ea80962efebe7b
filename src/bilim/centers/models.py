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
