"""The guide form: one section per language, everything typed kept on an error."""

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.db.models import Q
from django.forms.boundfield import BoundField
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bilim.helpdesk.models import ServiceCategory
from bilim.web.forms import DATE_WIDGET, LANGUAGE_LABELS

from . import errors
from .models import LANGS, REQUIRED_LANGS, Guide
from .services import GuideFields, missing_for_publishing

if TYPE_CHECKING:
    from django.utils.functional import _StrPromise

TEXTS = ("title", "summary", "body", "documents")
LABELS: "dict[str, _StrPromise]" = {
    "title": _("Title"),
    # Translators: the one or two sentences under a guide's title (not a sum or total).
    "summary": pgettext_lazy("guide", "Summary"),
    "body": _("Steps"),
    "documents": _("What to bring (optional)"),
}
HINTS: "dict[str, _StrPromise]" = {
    "summary": _("One or two sentences: what the guide helps do."),
    "body": _(
        "Short steps, one a line, starting with 1., 2., 3. An empty line starts a new "
        "paragraph; a line starting with «-» is a list item; web addresses become links."
    ),
    "documents": _("One document a line."),
}
MAX_LENGTHS = {"title": 200, "summary": 300, "body": 6000, "documents": 1500}
ROWS = {"summary": 3, "body": 10, "documents": 4}


@dataclass(frozen=True)
class LanguageSection:
    lang: str
    name: str
    required: bool
    fields: list[BoundField]


@dataclass(frozen=True)
class ErrorItem:
    anchor: str
    label: str
    message: str


class GuideForm(forms.Form):
    category: forms.ModelChoiceField[ServiceCategory] = forms.ModelChoiceField(
        label=_("Service"),
        queryset=ServiceCategory.objects.none(),
        empty_label=_("Choose a service"),
        error_messages={"required": _("Choose the service the guide is about.")},
    )
    slug = forms.CharField(
        label=_("Web address"),
        required=False,
        max_length=60,
        help_text=_(
            "Latin letters, digits and hyphens, used in the guide's web address. Leave empty "
            "to make one from the title."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    official_url = forms.URLField(
        label=_("Official site (optional)"),
        required=False,
        max_length=300,
        assume_scheme="https",
        help_text=_("The page of the state service, for example https://portal.tunduk.kg/"),
        widget=forms.URLInput(attrs={"inputmode": "url", "autocomplete": "off"}),
    )
    checked_on = forms.DateField(
        label=_("Checked on"),
        widget=DATE_WIDGET,
        help_text=_(
            "The day someone last followed the steps against the official source. Readers "
            "see it; after six months the guide is listed for checking again."
        ),
        error_messages={"required": _("Enter the day the guide was checked.")},
    )
    published = forms.BooleanField(
        label=_("Publish: anyone can read this guide on the site and at the help desks"),
        required=False,
    )

    def __init__(self, *args: Any, guide: Guide | None = None, **kwargs: Any) -> None:
        if guide is not None:
            kwargs.setdefault("initial", initial_for(guide))
        else:
            kwargs.setdefault("initial", {"checked_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.guide = guide
        for lang in LANGS:
            for text in TEXTS:
                widget: forms.Widget = (
                    forms.Textarea(attrs={"rows": ROWS[text]})
                    if text in ROWS
                    else forms.TextInput()
                )
                widget.attrs["lang"] = lang  # spell checkers and screen readers switch
                self.fields[f"{text}_{lang}"] = forms.CharField(
                    label=LABELS[text],
                    required=False,
                    max_length=MAX_LENGTHS[text],
                    help_text=HINTS.get(text, ""),
                    widget=widget,
                    strip=True,
                )
        current = guide.category_id if guide is not None else None
        self._category.queryset = ServiceCategory.objects.filter(
            Q(active=True) | Q(pk=current)
        ).order_by("position", "code")
        if guide is not None:
            del self.fields["slug"]  # printed guides carry the address: it never changes

    @property
    def _category(self) -> forms.ModelChoiceField[ServiceCategory]:
        return cast(forms.ModelChoiceField[ServiceCategory], self.fields["category"])

    def clean_checked_on(self) -> datetime.date:
        checked_on: datetime.date = self.cleaned_data["checked_on"]
        if checked_on > timezone.localdate():
            raise forms.ValidationError(errors.CHECKED_IN_FUTURE.text)
        return checked_on

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not any(cleaned.get(f"title_{lang}") for lang in LANGS):
            self.add_error("title_ky", errors.NEEDS_TITLE.text)
        if cleaned.get("published"):
            for name in missing_for_publishing(self._fields_from(cleaned)):
                if name not in self.errors:
                    self.add_error(name, errors.MISSING_FOR_PUBLISHING[name])
        return cleaned

    @staticmethod
    def _fields_from(cleaned: dict[str, Any]) -> GuideFields:
        def per_language(text: str) -> dict[str, str]:
            return {lang: cleaned.get(f"{text}_{lang}") or "" for lang in LANGS}

        return GuideFields(
            category=cleaned.get("category"),  # type: ignore[arg-type]
            titles=per_language("title"),
            summaries=per_language("summary"),
            bodies=per_language("body"),
            documents=per_language("documents"),
            checked_on=cleaned.get("checked_on") or timezone.localdate(),
            official_url=cleaned.get("official_url") or "",
            published=bool(cleaned.get("published")),
        )

    def guide_fields(self) -> GuideFields:
        """Return the cleaned values as the fields of a guide (after `is_valid()`)."""
        return self._fields_from(self.cleaned_data)

    def language_sections(self) -> list[LanguageSection]:
        return [
            LanguageSection(
                lang=lang,
                name=LANGUAGE_LABELS[lang],
                required=lang in REQUIRED_LANGS,
                fields=[self[f"{text}_{lang}"] for text in TEXTS],
            )
            for lang in LANGS
        ]

    def error_items(self) -> list[ErrorItem]:
        """The error summary's lines; a text field names its language, as labels repeat."""
        items = [ErrorItem("", "", str(e)) for e in self.non_field_errors()]
        for bound in self:
            label = str(bound.label)
            lang = bound.field.widget.attrs.get("lang")
            if lang:
                label = f"{label} ({LANGUAGE_LABELS[lang]})"
            items += [ErrorItem(bound.id_for_label, label, str(e)) for e in bound.errors]
        return items


def initial_for(guide: Guide) -> dict[str, Any]:
    """Return a guide's values as the form's initial data."""
    initial: dict[str, Any] = {
        "category": guide.category_id,
        "official_url": guide.official_url,
        "checked_on": guide.checked_on,
        "published": guide.published,
    }
    for text in TEXTS:
        for lang in LANGS:
            initial[f"{text}_{lang}"] = getattr(guide, f"{text}_{lang}") or ""
    return initial
