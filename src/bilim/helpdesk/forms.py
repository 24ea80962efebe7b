"""The consultation form: built to be filled in seconds, from the keyboard."""

import datetime
from collections.abc import Mapping
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.http import QueryDict
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bilim.accounts.selectors import Scope
from bilim.centers.models import Center
from bilim.registrations.models import AgeBand, Disability, Participant, Sex
from bilim.web.forms import DATE_WIDGET, RadioGroup
from bilim.web.phones import mobile_for_sms

from .figures import (
    FigureFilters,
    default_period,
    figures_center_choices,
    figures_region_choices,
)
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
        source = self._source()
        if source.get("agrees") and source.get("phone"):
            try:
                phone = mobile_for_sms(str(source["phone"]))
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

    def _source(self) -> Mapping[str, Any]:
        """What the form shows: the data sent, or the initial values (a correction's)."""
        return self.data if self.is_bound else self.initial

    def about_person_given(self) -> bool:
        """Whether the demographics section should open: something was chosen or is wrong."""
        keys = ("sex", "age_band", "disability")
        source = self._source()
        return any(self.errors.get(k) for k in keys) or any(
            source.get(k) not in (None, "", self.fields[k].initial) for k in keys
        )

    def link_given(self) -> bool:
        keys = ("agrees", "phone", "participant")
        source = self._source()
        return any(source.get(k) for k in keys) or any(self.errors.get(k) for k in keys)


def consultation_initial(consultation: Consultation) -> dict[str, Any]:
    """Return the form's values for a consultation, as a person would have entered them."""
    minutes = consultation.duration_minutes
    quick = minutes in QUICK_MINUTES
    person = consultation.participant
    return {
        "center": consultation.center_id,
        "category": consultation.category_id,
        "outcome": consultation.outcome,
        "referred_to": consultation.referred_to,
        "not_resolved_reason": consultation.not_resolved_reason,
        "duration": str(minutes) if quick else OTHER,
        "other_minutes": None if quick else minutes,
        "channel": consultation.channel,
        "sex": consultation.sex,
        "age_band": consultation.age_band,
        "disability": consultation.disability,
        "agrees": person is not None,
        "phone": person.phone if person else "",
        "participant": str(person.pk) if person else "",
    }


class ConsultationEditForm(ConsultationForm):
    """The same form to correct a consultation: prefilled, its center fixed, no autofocus.

    A service retired since the consultation was logged stays on the list for it.
    """

    def __init__(self, *args: Any, consultation: Consultation, **kwargs: Any) -> None:
        kwargs.setdefault("initial", consultation_initial(consultation))
        super().__init__(*args, centers=Center.objects.filter(pk=consultation.center_id), **kwargs)
        category = self.fields["category"]
        category.widget = RadioGroup()
        category.queryset = ServiceCategory.objects.filter(  # type: ignore[attr-defined]
            Q(active=True) | Q(pk=consultation.category_id)
        ).order_by("position", "code")


class _DateFilter(forms.DateField):
    """A date whose error repeats what was sent: the browser's date box blanks a bad one."""

    def to_python(self, value: Any) -> datetime.date | None:
        try:
            return super().to_python(value)
        except ValidationError as error:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            ) from error


class FiguresFilterForm(forms.Form):
    """The filters of the figures page, sent by GET; a wrong one is named, the rest kept.

    Only the regions and centers of the viewer's scope are offered or accepted.
    """

    date_from = _DateFilter(
        label=pgettext_lazy("first day of a period", "From"),
        widget=DATE_WIDGET,
        error_messages={"invalid": _("“%(value)s” is not a date. Choose a day in the calendar.")},
    )
    date_to = _DateFilter(
        label=pgettext_lazy("last day of a period", "To"),
        widget=DATE_WIDGET,
        error_messages={"invalid": _("“%(value)s” is not a date. Choose a day in the calendar.")},
    )
    region = forms.ChoiceField(
        label=_("Region"),
        required=False,
        error_messages={"invalid_choice": _("Choose a region of your area of work.")},
    )
    center = forms.ChoiceField(
        label=_("Center"),
        required=False,
        error_messages={"invalid_choice": _("Choose a center of your area of work.")},
    )
    category = forms.ChoiceField(
        label=_("Service"),
        required=False,
        error_messages={"invalid_choice": _("Choose a service from the list.")},
    )
    channel = forms.ChoiceField(
        label=_("Channel"),
        required=False,
        choices=[("", _("All channels"))]
        + [(value, capfirst(label)) for value, label in Consultation.Channel.choices],
        error_messages={"invalid_choice": _("Choose a channel from the list.")},
    )

    def __init__(self, data: QueryDict, *, scope: Scope, today: datetime.date) -> None:
        # The period used is always shown: an empty date means this month so far.
        data = data.copy()
        for name, day in zip(("date_from", "date_to"), default_period(today), strict=True):
            if not data.get(name):
                data[name] = day.isoformat()
        super().__init__(data)
        self.regions = {str(r.pk): r for r in figures_region_choices(scope=scope)}
        self.centers = {str(c.pk): c for c in figures_center_choices(scope=scope)}
        self.categories = {
            str(c.pk): c for c in ServiceCategory.objects.order_by("position", "code")
        }
        self.fields["region"].choices = [("", _("All regions"))] + [  # type: ignore[attr-defined]
            (pk, r.name) for pk, r in self.regions.items()
        ]
        self.fields["center"].choices = [("", _("All centers")), *self._center_groups()]  # type: ignore[attr-defined]
        self.fields["category"].choices = [("", _("All services"))] + [  # type: ignore[attr-defined]
            (pk, c.name) for pk, c in self.categories.items()
        ]

    def _center_groups(self) -> list[Any]:
        """The centers, under their region when the scope covers several."""
        if len(self.regions) <= 1:
            return [(pk, c.name) for pk, c in self.centers.items()]
        groups: dict[str, list[tuple[str, str]]] = {}
        for pk, center in self.centers.items():
            groups.setdefault(center.district.region.name, []).append((pk, center.name))
        return sorted(groups.items())

    @property
    def show_region(self) -> bool:
        return len(self.regions) > 1

    @property
    def show_center(self) -> bool:
        return len(self.centers) > 1

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", _("The end of the period must not be before its start."))
        region = self.regions.get(cleaned.get("region") or "")
        center = self.centers.get(cleaned.get("center") or "")
        if region and center and center.district.region_id != region.pk:
            self.add_error("center", _("This center is not in the chosen region."))
        return cleaned

    def filters(self) -> FigureFilters:
        """Return the filters of a valid form."""
        data = self.cleaned_data
        return FigureFilters(
            start=data["date_from"],
            end=data["date_to"],
            region=self.regions.get(data["region"]),
            center=self.centers.get(data["center"]),
            category=self.categories.get(data["category"]),
            channel=data["channel"],
        )
