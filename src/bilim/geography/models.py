from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    """An oblast or a city of republican significance (Bishkek, Osh)."""

    class Kind(models.TextChoices):
        OBLAST = "oblast", _("region (oblast)")
        CITY = "city", _("city of republican significance")

    code = models.CharField(_("SOATE code"), max_length=14, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)
    note = models.CharField(_("data note"), max_length=300, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class District(models.Model):
    """A raion, a city of oblast significance, or a district of Bishkek.

    Cities of oblast significance belong to no raion, so a person living in one
    must be able to pick it directly: they are districts of their region here.
    """

    class Kind(models.TextChoices):
        RAION = "raion", _("district (raion)")
        CITY = "city", _("city")
        CITY_DISTRICT = "city_district", _("city district")

    code = models.CharField(_("SOATE code"), max_length=14, unique=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="districts", verbose_name=_("region")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(_("population year"), null=True, blank=True)
    note = models.CharField(_("data note"), max_length=300, blank=True)

    class Meta:
        ordering = ["region__code", "code"]
        verbose_name = _("district")
        verbose_name_plural = _("districts")

    def __str__(self) -> str:
        return self.name
