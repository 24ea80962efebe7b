"""The consultation form: built to be filled in seconds, from the keyboard."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from bilim.centers.models import Center
from bilim.registrations.models import AgeBand, Disability, Participant, Sex
from bilim.web.forms import RadioGroup
from bilim.web.phones import mobile_for_sms

from .models import MAX_MINUTES, Consultation, ServiceCategory
from .selectors import participants_by_phone

QUICK_MINUTES = (5, 10, 15, 30)
OTHER = "other"


class FirstFocusedRadioGroup(RadioGroup):
    """Radio buttons whose first option takes the focus when the page opens."""

    def create_option(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        option = super().create_option(*args, **kwargs)
        if option["index"] == "0":
            option["attrs"]["autofocus"] = True
        return option


class ConsultationForm(forms.Form):
    center: forms.ModelChoiceField[Center] = forms.ModelChoiceField(
        queryset=Center.objects.none(), widget=forms.HiddenInput
    )
    category: forms.ModelChoiceField[ServiceCategory] = forms.ModelChoiceField(
        label=_("What did the person come about?"),
        queryset=ServiceCategory.objects.none(),
        empty_label=None,
        widget=FirstFocusedRadioGroup,
        error_messages={"required": _("Choose what the person came about.")},
    )
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=Consultation.Outcome.choices,
        initial=Consultation.Outcome.RESOLVED,
        widget=RadioGroup,
    )
    referred_to = forms.CharField(
        label=_("To which agency?"),
        required=False,
        max_length=200,
        help_text=_("For example: ЦОН, Social Fund, aiyl okmotu."),
    )
    not_resolved_reason = forms.CharField(
        label=_("Why was it not resolved?"),
        required=False,
        max_length=300,
        help_text=_("For example: the portal was down, a document was missing."),
    )
    duration = forms.ChoiceField(
        label=_("How long did it take?"),
        choices=[(str(m), _("%(minutes)d min") % {"minutes": m}) for m in QUICK_MINUTES]
        + [(OTHER, _("other"))],
        initial="10",
        widget=RadioGroup,
    )
    other_minutes = forms.IntegerField(
        label=_("Other duration, minutes"),
        required=False,
        min_value=1,
        max_value=MAX_MINUTES,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "narrow"}),
    )
    channel = forms.ChoiceField(
        label=_("How did the person reach us?"),
        choices=Consultation.Channel.choices,
        initial=Consultation.Channel.WALK_IN,
        widget=RadioGroup,
    )
    sex = forms.ChoiceField(
        label=_("Sex"),
        choices=[
            (Sex.FEMALE, _("Woman")),
            (Sex.MALE, _("Man")),
            (Sex.NOT_DISCLOSED, _("Not asked or prefers not to say")),
        ],
        initial=Sex.NOT_DISCLOSED,
        required=False,
        widget=RadioGroup,
    )
    age_band = forms.ChoiceField(
        label=_("Age"),
        choices=AgeBand.choices,
        initial=AgeBand.NOT_DISCLOSED,
        required=False,
        widget=RadioGroup,
    )
    disability = forms.ChoiceField(
        label=_("Disability"),
        choices=Disability.choices,
        initial=Disability.NOT_DISCLOSED,
        required=False,
        widget=RadioGroup,
    )
    agrees = forms.BooleanField(
        label=_("The person agrees to link this consultation to their registration"),
        required=False,
    )
    phone = forms.CharField(
        label=_("Phone they registered with"),
        required=False,
        max_length=30,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "off"}),
    )
    participant = forms.ChoiceField(
        label=_("Several people use this phone: who is it?"), required=False, widget=RadioGroup
    )

    def __init__(self, *args: Any, centers: QuerySet[Center], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["center"].queryset = centers  # type: ignore[attr-defined]
        self.fields["category"].queryset = ServiceCategory.objects.filter(  # type: ignore[attr-defined]
            active=True
        ).order_by("position", "code")
        self.people: list[Participant] = []
        if self.is_bound and self.data.get("agrees") and self.data.get("phone"):
            try:
                phone = mobile_for_sms(str(self.data["phone"]))
            except ValidationError:
                phone = ""
            self.people = list(participants_by_phone(phone=phone)) if phone else []
        self.fields["participant"].choices = [  # type: ignore[attr-defined]
            (str(p.pk), p.name) for p in self.people
        ]

    def clean_phone(self) -> str:
        phone: str = self.cleaned_data["phone"]
        return mobile_for_sms(phone) if phone else ""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("duration") == OTHER and not cleaned.get("other_minutes"):
            self.add_error("other_minutes", _("Enter the number of minutes."))
        for name in ("sex", "age_band", "disability"):
            cleaned[name] = cleaned.get(name) or self.fields[name].initial
        cleaned["linked"] = self._linked_participant(cleaned)
        return cleaned

    def _linked_participant(self, cleaned: dict[str, Any]) -> Participant | None:
        agrees, phone = cleaned.get("agrees"), cleaned.get("phone")
        if not agrees:
            if phone:
                self.add_error("agrees", _("Ask the person first: tick this only if they agree."))
            return None
        if not phone:
            if "phone" not in self.errors:
                self.add_error("phone", _("Enter the phone the person registered with."))
            return None
        if not self.people:
            self.add_error("phone", _("Nobody is registered with this phone."))
            return None
        if len(self.people) == 1:
            return self.people[0]
        chosen = cleaned.get("participant")
        for person in self.people:
            if str(person.pk) == chosen:
                return person
        self.add_error("participant", _("Choose who the person is."))
        return None

    def minutes(self) -> int:
        duration = self.cleaned_data["duration"]
        return int(self.cleaned_data["other_minutes"] if duration == OTHER else duration)

    def consultation_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "center": data["center"],
            "category": data["category"],
            "outcome": data["outcome"],
            "referred_to": data["referred_to"],
            "not_resolved_reason": data["not_resolved_reason"],
            "duration_minutes": self.minutes(),
            "channel": data["channel"],
            "sex": data["sex"],
            "age_band": data["age_band"],
            "disability": data["disability"],
            "participant": data["linked"],
            "person_agreed": bool(data.get("agrees")),
        }

    def about_person_given(self) -> bool:
        """Whether the demographics section should open: something was chosen or is wrong."""
        if not self.is_bound:
            return False
        keys = ("sex", "age_band", "disability")
        return any(self.errors.get(k) for k in keys) or any(
            self.data.get(k) not in (None, "", self.fields[k].initial) for k in keys
        )

    def link_given(self) -> bool:
        keys = ("agrees", "phone", "participant")
        return self.is_bound and (
            any(self.data.get(k) for k in keys) or any(self.errors.get(k) for k in keys)
        )
