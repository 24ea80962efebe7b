from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A staff member. Citizens have no account: they are participants."""

    language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=[("ky", "Кыргызча"), ("ru", "Русский"), ("en", "English")],
        default="ky",
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")


class Role(models.TextChoices):
    NATIONAL = "national", _("national administrator")
    REGION = "region", _("regional coordinator")
    CENTER = "center", _("center manager")
    FACILITATOR = "facilitator", _("facilitator")
    PARTNER = "partner", _("partner coordinator")
    OPERATOR = "operator", _("call-center operator")
    ANALYST = "analyst", _("analyst")


class RoleAssignment(models.Model):
    """A role a user holds, and the part of the network it covers.

    The scope column that a role needs is enforced by the database: a regional
    coordinator has a region and nothing else, a center manager a center, a
    partner coordinator a partner; a facilitator may name the center they work
    at (which gives no access to the center's data); network-wide roles have none.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="role_assignments", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    # Lazy references: accounts sits below the domain apps and imports none of them.
    region = models.ForeignKey(
        "geography.Region",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("region"),
    )
    center = models.ForeignKey(
        "centers.Center", on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("center")
    )
    partner = models.ForeignKey(
        "partners.Partner",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("partner"),
    )
    created_at = models.DateTimeField(_("assigned at"), auto_now_add=True)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.CheckConstraint(
                name="role_scope_matches_role",
                condition=(
                    Q(
                        role__in=["national", "operator", "analyst"],
                        region__isnull=True,
                        center__isnull=True,
                        partner__isnull=True,
                    )
                    # A facilitator may be attached to the center they work at.
                    | Q(role="facilitator", region__isnull=True, partner__isnull=True)
                    | Q(
                        role="region",
                        region__isnull=False,
                        center__isnull=True,
                        partner__isnull=True,
                    )
                    | Q(
                        role="center",
                        region__isnull=True,
                        center__isnull=False,
                        partner__isnull=True,
                    )
                    | Q(
                        role="partner",
                        region__isnull=True,
                        center__isnull=True,
                        partner__isnull=False,
                    )
                ),
            ),
            # One constraint per kind of scope: NULL scope columns never collide.
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(role__in=["national", "operator", "analyst"]),
                name="role_network_wide_once",
            ),
            models.UniqueConstraint(
                fields=["user", "region"], condition=Q(role="region"), name="role_region_once"
            ),
            models.UniqueConstraint(
                fields=["user", "center"], condition=Q(role="center"), name="role_center_once"
            ),
            models.UniqueConstraint(
                fields=["user", "center"],
                condition=Q(role="facilitator"),
                name="role_facilitator_once_per_center",
            ),
            models.UniqueConstraint(
                fields=["user", "partner"], condition=Q(role="partner"), name="role_partner_once"
            ),
        ]

    def __str__(self) -> str:
        scope = self.region or self.center or self.partner
        return f"{self.user} · {self.get_role_display()}" + (f" · {scope}" if scope else "")
