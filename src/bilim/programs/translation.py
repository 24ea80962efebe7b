from modeltranslation.translator import TranslationOptions, register

from .models import Audience, Program, ProgramMaterial, Theme


@register(Program)
class ProgramTranslation(TranslationOptions):
    fields = ("title", "summary", "description")


@register(Audience)
class AudienceTranslation(TranslationOptions):
    fields = ("name",)


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register(ProgramMaterial)
class ProgramMaterialTranslation(TranslationOptions):
    fields = ("title",)
