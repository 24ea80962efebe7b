from modeltranslation.translator import TranslationOptions, register

from .models import Agreement, Contribution, Direction, Partner


@register(Direction)
class DirectionTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("scope",)


@register(Contribution)
class ContributionTranslation(TranslationOptions):
    fields = ("description",)
