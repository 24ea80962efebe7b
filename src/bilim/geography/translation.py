from modeltranslation.translator import TranslationOptions, register

from .models import District, Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(District)
class DistrictTranslation(TranslationOptions):
    fields = ("name",)
