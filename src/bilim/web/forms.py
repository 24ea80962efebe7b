"""Form helpers shared by every app's staff forms."""

from dataclasses import dataclass

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise

# The browser's own date and time pickers, with values they understand.
DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_WIDGET = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")

LANGUAGE_LABELS = {"ky": "Кыргызча", "ru": "Русский", "en": "English"}


class DescribedBoundField(BoundField):
    """A field that names its hint and its errors once, for the input and the templates alike.

    The input's aria-describedby and the ids of the hint and error elements the templates
    render (web/includes/field.html and its siblings) come from ``hint_id`` and
    ``error_id``, so a screen reader always finds the text it is told to read.
    """

    @property
    def hint_id(self) -> str:
        """Return the id of the element that shows the field's hint (Django's own naming)."""
        return f"{self.auto_id}_helptext" if self.auto_id else ""

    @property
    def error_id(self) -> str:
        """Return the id of the element that shows the field's errors (Django's own naming)."""
        return f"{self.auto_id}_error" if self.auto_id else ""

    @property
    def aria_describedby(self) -> str | None:
        # An aria-describedby set on the widget by a form wins, as in Django.
        if self.field.widget.attrs.get("aria-describedby"):
            return None
        if not self.auto_id or self.is_hidden:
            return ""
        ids = [self.hint_id] if self.help_text else []
        if self.errors:
            ids.append(self.error_id)
        return " ".join(ids)


class FormRenderer(DjangoTemplates):
    """The site's form renderer (settings.FORM_RENDERER): every form's fields are described."""

    bound_field_class = DescribedBoundField


@dataclass(frozen=True)
class TranslatedGroup:
    legend: str | Promise
    help_text: str | Promise
    fields: list[BoundField]


class TranslatedFieldsMixin:
    """Group a model's per-language fields (name_ky, name_ru, name_en) under one legend.

    Templates render each group as a fieldset whose inputs are labelled by language,
    so a manager fills all three versions of a text in one place.
    """

    translated_fields: tuple[str, ...] = ()
    fields: dict[str, forms.Field]

    def label_translations(self) -> None:
        for base in self.translated_fields:
            for lang, label in LANGUAGE_LABELS.items():
                field = self.fields.get(f"{base}_{lang}")
                if field is not None:
                    field.label = label
                    field.help_text = ""  # shown once for the group
                    # Screen readers and spell checkers switch to the input's language.
                    field.widget.attrs["lang"] = lang

    def translated_groups(self) -> list[TranslatedGroup]:
        form: forms.BaseForm = self  # type: ignore[assignment]
        model = form._meta.model  # type: ignore[attr-defined]
        return [
            TranslatedGroup(
                legend=model._meta.get_field(base).verbose_name.capitalize(),
                help_text=model._meta.get_field(base).help_text,
                fields=[
                    form[f"{base}_{lang}"]
                    for lang in LANGUAGE_LABELS
                    if f"{base}_{lang}" in form.fields
                ],
            )
            for base in self.translated_fields
        ]


class RadioGroup(forms.RadioSelect):
    """Radio buttons shown in a fieldset; the error summary links to the first of them."""

    def id_for_label(self, id_: str, index: str | None = "0") -> str:
        return f"{id_}_{index}" if id_ and index is not None else ""


class CheckboxGroup(forms.CheckboxSelectMultiple):
    """Checkboxes shown in a fieldset; the error summary links to the first of them."""

    def id_for_label(self, id_: str, index: str | None = "0") -> str:
        return f"{id_}_{index}" if id_ and index is not None else ""
