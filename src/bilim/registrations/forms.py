import uuid
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bilim.geography.models import District
from bilim.web.forms import CheckboxGroup, RadioGroup
from bilim.web.languages import LANGUAGES
from bilim.web.phones import mobile_for_sms

from .models import AccessNeed, Disability, Participant, Sex
from .participants import Details
from .services import Person


class DistrictChoice(forms.ModelChoiceField[District]):
    def label_from_instance(self, obj: District) -> str:
        return f"{obj.name} ({obj.region.name})"


class SignUpForm(forms.Form):
    """A person signs up for an offering: the few things we need, and why we ask."""

    name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("As you would like it written on your certificate."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=30,
        help_text=_("We send the confirmation and reminders here by SMS."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        help_text=_("Optional."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # Asked of the person, so the answers speak in the first person.
    sex = forms.ChoiceField(
        label=_("Sex"),
        choices=[
            (Sex.FEMALE, _("Woman")),
            (Sex.MALE, _("Man")),
            (Sex.NOT_DISCLOSED, _("I prefer not to say")),
        ],
        widget=RadioGroup,
    )
    birth_year = forms.IntegerField(
        label=_("Year of birth"),
        required=False,
        help_text=_("Optional. Some programs are for adults only."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "autocomplete": "bday-year"}),
    )
    home_district = DistrictChoice(
        label=_("Where you live"),
        queryset=District.objects.select_related("region").order_by("region__code", "name"),
        required=False,
        empty_label=_("— not stated —"),
        help_text=_("Optional. It helps us open centers where people need them."),
    )
    disability = forms.ChoiceField(
        label=_("Do you have a disability?"),
        choices=[
            (Disability.YES, _("Yes")),
            (Disability.NO, _("No")),
            (Disability.NOT_DISCLOSED, _("I prefer not to say")),
        ],
        required=False,
        widget=RadioGroup,
        help_text=_(
            "Optional. We ask so that the center can prepare, and to report how many persons "
            "with disabilities the network reaches; it is never shown to others."
        ),
    )
    access_needs = forms.MultipleChoiceField(
        label=_("What should the center prepare for you?"),
        choices=AccessNeed.choices,
        required=False,
        widget=CheckboxGroup,
    )
    language = forms.ChoiceField(label=_("Language for messages"), choices=LANGUAGES)
    consent = forms.BooleanField(
        label=_("I agree to the processing of my personal data as described above"),
        error_messages={"required": _("Without your consent we cannot register you.")},
    )
    request_id = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    # A field people never see; a bot that fills it is not registered.
    website = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, language: str = "ky", **kwargs: Any) -> None:
        kwargs.setdefault("initial", {}).update(
            {"language": language, "request_id": uuid.uuid4().hex}
        )
        super().__init__(*args, **kwargs)
        # The page's language: the consent paragraph the person read was in it.
        self.page_language = language

    def clean_phone(self) -> str:
        return mobile_for_sms(self.cleaned_data["phone"])

    def clean_birth_year(self) -> int | None:
        return _birth_year(self.cleaned_data.get("birth_year"))

    def person(self) -> Person:
        data = self.cleaned_data
        return Person(
            name=data["name"],
            phone=data["phone"],
            email=data["email"],
            sex=data["sex"],
            birth_year=data["birth_year"],
            # Left unanswered is a real answer, counted as such in reports.
            disability=data["disability"] or Disability.NOT_DISCLOSED,
            access_needs=tuple(data["access_needs"]),
            home_district=data["home_district"],
            language=data["language"],
            consent_language=self.page_language,
        )


def _birth_year(year: int | None) -> int | None:
    this_year = timezone.localdate().year
    if year is not None and not this_year - 110 <= year <= this_year - 5:
        raise forms.ValidationError(
            _("Enter a year between %(low)s and %(high)s.")
            % {"low": this_year - 110, "high": this_year - 5}
        )
    return year


class DetailsForm(forms.Form):
    """A person corrects the details stored about them, once their phone is proved."""

    name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("As it should be printed on your certificates."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = SignUpForm.base_fields["email"]
    language = SignUpForm.base_fields["language"]
    sex = SignUpForm.base_fields["sex"]
    birth_year = SignUpForm.base_fields["birth_year"]
    home_district = SignUpForm.base_fields["home_district"]
    disability = SignUpForm.base_fields["disability"]

    @staticmethod
    def initial_for(participant: Participant) -> dict[str, Any]:
        fields = ("name", "email", "language", "sex", "birth_year", "disability")
        initial = {name: getattr(participant, name) for name in fields}
        return {**initial, "home_district": participant.home_district_id}

    def clean_birth_year(self) -> int | None:
        return _birth_year(self.cleaned_data.get("birth_year"))

    def details(self) -> Details:
        data = self.cleaned_data
        return Details(
            name=data["name"],
            email=data["email"],
            language=data["language"],
            sex=data["sex"],
            birth_year=data["birth_year"],
            home_district=data["home_district"],
            disability=data["disability"] or Disability.NOT_DISCLOSED,
        )


class PhoneForm(forms.Form):
    """The first step of opening one's registrations: the phone they were made with."""

    phone = forms.CharField(
        label=_("Mobile phone"),
        max_length=30,
        help_text=_("The number you gave when you registered, for example 0555 123 456."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    def clean_phone(self) -> str:
        return mobile_for_sms(self.cleaned_data["phone"])


class CodeForm(forms.Form):
    """The second step: the six digits of the SMS."""

    code = forms.RegexField(
        label=_("Code from the SMS"),
        regex=r"^\s*\d{6}\s*$",
        max_length=12,
        help_text=_("Six digits."),
        error_messages={"invalid": _("Type the six digits of the code, for example 123456.")},
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "pattern": "[0-9]*",
                "size": "8",
            }
        ),
    )
