"""Read-only, but for one action: setting a staff member's password.

Users and roles are written by `user_create` and `role_assign`. The password page stays
because the national office has no other way to set a forgotten password.
"""

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.http import HttpRequest

from bilim.core.admin import ReadOnlyAdmin, ReadOnlyPermissions

from .models import RoleAssignment, User
from .selectors import Capability, scope_for

# The URL name UserAdmin gives its password page.
SET_PASSWORD_VIEW = "auth_user_password_change"  # noqa: S105 (a URL name, not a secret)

# Roles, not groups, carry what a staff member may do.
admin.site.unregister(Group)


class RoleAssignmentInline(ReadOnlyPermissions, admin.TabularInline[RoleAssignment, User]):
    model = RoleAssignment
    extra = 0


@admin.register(User)
class BilimUserAdmin(ReadOnlyAdmin[User], UserAdmin[User]):
    inlines = [RoleAssignmentInline]
    fieldsets = (*UserAdmin.fieldsets, ("Bilim", {"fields": ("language",)}))  # type: ignore[misc]

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        match = request.resolver_match
        if match is None or match.url_name != SET_PASSWORD_VIEW:
            return False
        user = request.user
        return isinstance(user, User) and (
            user.is_superuser or scope_for(user).can(Capability.MANAGE_USERS)
        )
