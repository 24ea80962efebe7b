"""The one list still edited here: the help desk's service categories.

No service writes them after `categories_ensure` seeds the starting list, and no staff page
shows them yet, so the national office renames, reorders and retires them here (retiring
keeps the consultations that name them). TODO(#13): a staff page, then `ReadOnlyAdmin`.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from modeltranslation.admin import TranslationAdmin

from .models import ServiceCategory


@admin.register(ServiceCategory)
class ServiceCategoryAdmin(TranslationAdmin[ServiceCategory]):
    list_display = ("name", "code", "position", "active")
    list_editable = ("position", "active")

    def _is_staff(self, request: HttpRequest) -> bool:
        # Staff hold no Django model permissions: the national role makes a user staff.
        return bool(request.user.is_active and request.user.is_staff)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._is_staff(request)

    def has_view_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._is_staff(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._is_staff(request)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return self._is_staff(request)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # consultations keep their category: retire it (`active`) instead
