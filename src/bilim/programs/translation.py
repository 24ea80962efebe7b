from modeltranslation.translator import TranslationOptions, register

from .models import Audience, Program, Theme


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = ("title", "summary", "description")


@register(Audience)
class AudienceTranslation(TranslationOptions):
    fields = ("name",)


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)
