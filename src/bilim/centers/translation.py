from modeltranslation.translator import TranslationOptions, register

from .models import Center, OpeningException, Room


@register(Center)
class CenterTranslation(TranslationOptions):
    fields = ("name", "address", "how_to_get_there")


@register(Room)
class RoomTranslation(TranslationOptions):
    fields = ("name", "equipment")


@register(OpeningException)
class OpeningExceptionTranslation(TranslationOptions):
    fields = ("reason",)
