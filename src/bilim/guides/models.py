"""Short how-to guides to state e-services, one service category each, in ky/ru/en."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import get_language, resolution_order

from bilim.helpdesk.models import ServiceCategory

LANGS = ("ky", "ru", "en")
# A guide is published only when a reader in either of these languages gets it in full.
REQUIRED_LANGS = ("ky", "ru")
# The texts a reader needs; "what to bring" is optional in every language.
REQUIRED_TEXTS = ("title", "summary", "body")


def _filled(column: str) -> Q:
    # Translation columns are nullable: NULL must fail the check as "" does.
    return Q(**{f"{column}__isnull": False}) & ~Q(**{column: ""})


def _publishable() -> Q:
    condition = Q()
    for lang in REQUIRED_LANGS:
        for text in REQUIRED_TEXTS:
            condition &= _filled(f"{text}_{lang}")
    return condition


class Guide(models.Model):
    category = models.ForeignKey(
        ServiceCategory,
        on_delete=models.PROTECT,
        related_name="guides",
        verbose_name=_("service"),
    )
    slug = models.SlugField(_("web address"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    # Drafts may be unfinished; the check constraint below guards what is published.
    summary = models.CharField(
        _("summary"),
        max_length=300,
        blank=True,
        help_text=_("One or two sentences: what the guide helps do."),
    )
    body = models.TextField(_("steps"), max_length=6000, blank=True)
    documents = models.TextField(_("what to bring"), max_length=1500, blank=True)
    official_url = models.URLField(_("official site"), max_length=300, blank=True)
    published = models.BooleanField(_("published"), default=False)
    checked_on = models.DateField(_("checked on"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("updated by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["category__position", "category__code", "slug"]
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
        constraints = [
            models.CheckConstraint(
                condition=Q(published=False) | _publishable(),
                name="guide_published_has_ky_and_ru",
            ),
        ]
        indexes = [models.Index(fields=["published", "category"])]

    def __str__(self) -> str:
        return self.title

    def complete_in(self, lang: str) -> bool:
        """Whether the title, summary and steps are all written in this language."""
        return all((getattr(self, f"{text}_{lang}") or "").strip() for text in REQUIRED_TEXTS)

    @property
    def languages(self) -> list[tuple[str, bool]]:
        """Each language with whether the guide is complete in it, for the staff list."""
        return [(lang, self.complete_in(lang)) for lang in LANGS]

    def shown_language(self, text: str) -> str:
        """The language a reader of the current language gets this text in, after fallbacks.

        Pages mark the text with it (`lang`), so a screen reader reads a Kyrgyz fallback
        on the English page with a Kyrgyz voice.
        """
        for lang in resolution_order(get_language()):
            if (getattr(self, f"{text}_{lang}") or "").strip():
                return lang
        return get_language()
