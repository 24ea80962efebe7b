from modeltranslation.translator import TranslationOptions, register

from .models import Center, Room


@register(Center)
class CenterTranslation(TranslationOptions):
    fields = ("name", "address")


@register(Room)
class RoomTranslation(TranslationOptions):
    fields = ("name", "equipment")
