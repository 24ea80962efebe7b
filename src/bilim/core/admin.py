"""The read-only Django admin: a window on the data, never a second way to write it.

Every write goes through the apps' services, which keep the rules (status transitions,
row locks, audit, messages). The admin only shows rows; it opens for active staff users,
and `role_assign` makes only national administrators staff.
"""

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from django.contrib import admin
from django.db import models
from django.db.models import Model
from django.http import HttpRequest

M = TypeVar("M", bound=Model)


class ReadOnlyPermissions:
    """No add, no change, no delete; staff may view. Mix into a ModelAdmin or an inline."""

    # A read-only page still builds its form: web addresses without a scheme are https ones
    # (Django 6's default, without the warning).
    formfield_overrides: ClassVar[Mapping[type[models.Field[Any, Any]], Mapping[str, Any]]] = {
        models.URLField: {"assume_scheme": "https"}
    }

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Staff hold no Django model permissions: roles decide, and only the national
        # role makes a user staff. Viewing needs nothing more than the admin's own gate.
        return bool(request.user.is_active and request.user.is_staff)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self.has_view_permission(request)


class ReadOnlyAdmin(ReadOnlyPermissions, admin.ModelAdmin[M]):
    """A ModelAdmin that shows rows and changes nothing, not even by a bulk action."""

    actions = None
