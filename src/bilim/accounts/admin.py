from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import RoleAssignment, User


class RoleAssignmentInline(admin.TabularInline[RoleAssignment, User]):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ("center", "partner")


@admin.register(User)
class BilimUserAdmin(UserAdmin[User]):
    inlines = [RoleAssignmentInline]
    fieldsets = (*UserAdmin.fieldsets, ("Bilim", {"fields": ("language",)}))  # type: ignore[misc]
