from modeltranslation.translator import TranslationOptions, register

from .models import Direction, Partner


@register(Direction)
class DirectionTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name",)
