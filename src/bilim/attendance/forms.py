from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from bilim.registrations.forms import SignUpForm
from bilim.registrations.models import Disability, Registration, Sex
from bilim.web.forms import CheckboxGroup


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Check-in code"),
        max_length=300,  # a scanned personal link is longer than the 8 digits
        help_text=_("The 8 digits from the person's SMS or personal page. Then press Enter."),
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "spellcheck": "false"}
        ),
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Find by name or phone"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class WalkInForm(SignUpForm):
    """Someone who came without registering: staff ask the essentials and read out consent."""

    # What the person is not asked at the door; reports count it as not disclosed.
    NOT_ASKED = ("email", "home_district", "disability", "access_needs", "website")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.NOT_ASKED:
            del self.fields[name]
        self.fields["name"].help_text = _("As the person wants it on their certificate.")
        self.fields["phone"].help_text = _("They receive their check-in code here by SMS.")
        # Staff answer for the person: the choices speak of them, not in the first person.
        self.fields["sex"].choices = [  # type: ignore[attr-defined]
            (Sex.FEMALE, _("Woman")),
            (Sex.MALE, _("Man")),
            (Sex.NOT_DISCLOSED, _("Prefers not to say")),
        ]
        self.fields["birth_year"].help_text = _("Optional.")
        self.fields["language"].label = _("Language for SMS")
        self.fields["consent"].label = _(
            "I read the text on personal data to the person and they agreed"
        )
        self.fields["consent"].error_messages["required"] = _(
            "Without the person's consent they cannot be registered."
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        cleaned.update(
            email="",
            home_district=None,
            disability=Disability.NOT_DISCLOSED,
            access_needs=[],
            website="",
        )
        return cleaned


class AttendanceForm(forms.Form):
    """Who of the group attended, ticked on a list after the session."""

    present = forms.MultipleChoiceField(
        label=_("Who attended"), required=False, widget=CheckboxGroup
    )

    def __init__(self, *args: Any, registrations: QuerySet[Registration], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [  # type: ignore[attr-defined]
            (r.pk, f"{r.participant.name} · {r.participant.phone}") for r in registrations
        ]

    def present_ids(self) -> list[int]:
        return [int(pk) for pk in self.cleaned_data["present"]]
