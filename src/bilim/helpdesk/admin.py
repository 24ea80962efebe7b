from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import ServiceCategory


@admin.register(ServiceCategory)
class ServiceCategoryAdmin(TranslationAdmin[ServiceCategory]):
    list_display = ("name", "code", "position", "active")
    list_editable = ("position", "active")
