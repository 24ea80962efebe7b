"""The desk console's forms: take a number, call the next one."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from bilim.helpdesk.models import ServiceCategory
from bilim.helpdesk.selectors import category_choices

from .models import DESK_MAX_LENGTH


class TakeForm(forms.Form):
    category: forms.ModelChoiceField[ServiceCategory] = forms.ModelChoiceField(
        label=_("Service (optional)"),
        queryset=ServiceCategory.objects.none(),
        required=False,
        empty_label=_("Not chosen"),
        error_messages={"invalid_choice": _("Choose a service from the list.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = category_choices()  # type: ignore[attr-defined]


class CallForm(forms.Form):
    desk = forms.CharField(
        label=_("Your desk"),
        max_length=DESK_MAX_LENGTH,
        help_text=_("A number or a letter, as written on the desk. The hall screen shows it."),
        error_messages={
            "required": _("Enter your desk, for example 1."),
            "max_length": _("A desk can have at most %(limit_value)d characters."),
        },
        widget=forms.TextInput(attrs={"class": "narrow-input", "autocomplete": "off"}),
    )
