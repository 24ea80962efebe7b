from django.db import models
from django.utils.translation import gettext_lazy as _


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

    slug = models.SlugField(_("short code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    directions = models.ManyToManyField(
        Direction, related_name="partners", verbose_name=_("directions")
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return self.name
