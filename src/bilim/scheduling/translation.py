from modeltranslation.translator import TranslationOptions, register

from .models import Offering


@register(Offering)
class OfferingTranslation(TranslationOptions):
    fields = ("note",)
