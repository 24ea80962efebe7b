from modeltranslation.translator import TranslationOptions, register

from .models import ServiceCategory


@register(ServiceCategory)
class ServiceCategoryTranslation(TranslationOptions):
    fields = ("name",)
