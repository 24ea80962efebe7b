from modeltranslation.translator import TranslationOptions, register

from .models import Guide


@register(Guide)
class GuideTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "documents")
