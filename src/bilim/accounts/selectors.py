"""The one scoping layer: what part of the network a staff user may see and do.

Every staff view and API endpoint asks `scope_for(user)` and filters through
`Scope.filter()`; no view decides scope on its own.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeVar

from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, Q, QuerySet

from .models import Role, RoleAssignment, User

M = TypeVar("M", bound=Model)
Paths = str | tuple[str, ...]


class Capability(StrEnum):
    """What a role may do; each staff page requires one."""

    VIEW_STAFF_HOME = "view_staff_home"
    VIEW_CENTERS = "view_centers"
    MANAGE_CENTERS = "manage_centers"
    VIEW_PROGRAMS = "view_programs"
    MANAGE_PROGRAMS = "manage_programs"
    PROPOSE_PROGRAMS = "propose_programs"
    MANAGE_USERS = "manage_users"
    VIEW_AGGREGATES = "view_aggregates"
    VIEW_PERSONAL_DATA = "view_personal_data"
    REGISTER_BY_PHONE = "register_by_phone"
    VIEW_OWN_SESSIONS = "view_own_sessions"
    ADMINISTER_CENTERS = "administer_centers"
    IMPORT_CENTERS = "import_centers"
    VIEW_PARTNERS = "view_partners"
    MANAGE_PARTNERS = "manage_partners"
    VIEW_MESSAGES = "view_messages"
    MANAGE_SCHEDULE = "manage_schedule"
    MANAGE_BOOKINGS = "manage_bookings"
    LOG_CONSULTATIONS = "log_consultations"
    MANAGE_GUIDES = "manage_guides"
    VIEW_HELPDESK_FIGURES = "view_helpdesk_figures"


CAPABILITIES: dict[Role, frozenset[Capability]] = {
    Role.NATIONAL: frozenset(Capability)
    - {Capability.VIEW_OWN_SESSIONS, Capability.PROPOSE_PROGRAMS},
    Role.REGION: frozenset(
        {
            Capability.VIEW_STAFF_HOME,
            Capability.VIEW_CENTERS,
            Capability.MANAGE_CENTERS,
            Capability.ADMINISTER_CENTERS,
            Capability.VIEW_PROGRAMS,
            Capability.VIEW_AGGREGATES,
            Capability.VIEW_PERSONAL_DATA,
            Capability.VIEW_PARTNERS,
            Capability.MANAGE_SCHEDULE,
            Capability.MANAGE_BOOKINGS,
            Capability.VIEW_MESSAGES,
            Capability.VIEW_HELPDESK_FIGURES,
        }
    ),
    Role.CENTER: frozenset(
        {
            Capability.VIEW_STAFF_HOME,
            Capability.VIEW_CENTERS,
            Capability.MANAGE_CENTERS,
            Capability.MANAGE_SCHEDULE,
            Capability.MANAGE_BOOKINGS,
            Capability.VIEW_MESSAGES,
            Capability.VIEW_PROGRAMS,
            Capability.VIEW_PERSONAL_DATA,
            # Walk-ins and calls to the center, for the center's own groups only.
            Capability.REGISTER_BY_PHONE,
            Capability.LOG_CONSULTATIONS,  # the e-government desk of their center
            Capability.VIEW_HELPDESK_FIGURES,
        }
    ),
    Role.FACILITATOR: frozenset(
        {Capability.VIEW_STAFF_HOME, Capability.VIEW_OWN_SESSIONS, Capability.VIEW_PERSONAL_DATA}
    ),
    Role.PARTNER: frozenset(
        {
            Capability.VIEW_STAFF_HOME,
            Capability.VIEW_PROGRAMS,
            Capability.PROPOSE_PROGRAMS,
            Capability.VIEW_AGGREGATES,
            Capability.VIEW_PARTNERS,
        }
    ),
    Role.OPERATOR: frozenset(
        {
            Capability.VIEW_STAFF_HOME,
            Capability.VIEW_CENTERS,
            Capability.VIEW_PROGRAMS,
            Capability.REGISTER_BY_PHONE,
            Capability.VIEW_PERSONAL_DATA,
        }
    ),
    Role.ANALYST: frozenset(
        {
            Capability.VIEW_STAFF_HOME,
            Capability.VIEW_AGGREGATES,
            Capability.VIEW_HELPDESK_FIGURES,
        }
    ),
}

# Roles whose scope is the whole network for what their capabilities allow.
NETWORK_WIDE = frozenset({Role.NATIONAL, Role.OPERATOR, Role.ANALYST})


@dataclass(frozen=True)
class Scope:
    """The roles a user holds and the regions, centers and partners they cover."""

    user_id: int | None
    roles: frozenset[Role]
    region_ids: frozenset[int]
    center_ids: frozenset[int]
    partner_ids: frozenset[int]

    @property
    def is_staff_member(self) -> bool:
        return bool(self.roles)

    @property
    def network_wide(self) -> bool:
        return bool(self.roles & NETWORK_WIDE)

    @property
    def perms(self) -> dict[str, bool]:
        """Capabilities by name, for templates: ``{% if scope.perms.view_centers %}``."""
        return {c.value: self.can(c) for c in Capability}

    def can(self, capability: Capability) -> bool:
        return any(capability in CAPABILITIES[role] for role in self.roles)

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    def filter(
        self,
        queryset: QuerySet[M],
        *,
        region: Paths = (),
        center: Paths = (),
        partner: Paths = (),
    ) -> QuerySet[M]:
        """Keep the rows this scope covers.

        The keyword arguments name the lookup paths from the queryset's model to
        a region, a center and a partner (`"district__region"`, `"pk"`, ...);
        a path left out means the rows cannot be reached through that kind of scope.
        Several paths for one kind (a program's lead and co-delivering partners)
        are alternatives; paths through many-to-many relations make the result distinct.
        """
        if self.network_wide:
            return queryset
        condition = Q(pk__in=[])
        for paths, ids in (
            (region, self.region_ids),
            (center, self.center_ids),
            (partner, self.partner_ids),
        ):
            for path in (paths,) if isinstance(paths, str) else paths:
                if ids:
                    condition |= Q(**{f"{path}__in": ids})
        return queryset.filter(condition).distinct()


EMPTY_SCOPE = Scope(None, frozenset(), frozenset(), frozenset(), frozenset())


def scope_for(user: User | AnonymousUser) -> Scope:
    """Return the scope of a user; anonymous and role-less users get an empty one.

    Cached on the user object for the request, so a page asks the database once.
    """
    if not user.is_authenticated or not user.is_active:
        return EMPTY_SCOPE
    cached: Scope | None = getattr(user, "_bilim_scope", None)
    if cached is not None:
        return cached
    assignments = list(
        RoleAssignment.objects.filter(user=user).values_list(
            "role", "region_id", "center_id", "partner_id"
        )
    )
    scope = Scope(
        user_id=user.pk,
        roles=frozenset(Role(a[0]) for a in assignments),
        region_ids=frozenset(a[1] for a in assignments if a[1]),
        # Only a center manager's center opens the center's data; a facilitator's does not.
        center_ids=frozenset(a[2] for a in assignments if a[2] and a[0] == Role.CENTER),
        partner_ids=frozenset(a[3] for a in assignments if a[3]),
    )
    user._bilim_scope = scope  # type: ignore[attr-defined]
    return scope


def user_list(*, scope: Scope) -> QuerySet[User]:
    """Return the staff users a scope may manage, with their roles loaded."""
    if not scope.can(Capability.MANAGE_USERS):
        return User.objects.none()
    return User.objects.prefetch_related("role_assignments").order_by("username")
