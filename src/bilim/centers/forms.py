import datetime
from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from bilim.geography.models import District
from bilim.web.forms import TIME_WIDGET, TranslatedFieldsMixin

from .models import Center, OpeningHours, Room
from .services import ACCESSIBILITY_FEATURES

TRANSLATED_CENTER_FIELDS = ("name", "address", "how_to_get_there")


class DistrictChoiceField(forms.ModelChoiceField[District]):
    """Districts named with their region, since names repeat (Naryn city and district)."""

    def label_from_instance(self, obj: District) -> str:
        return f"{obj.region.name} — {obj.name}"


class CenterForm(TranslatedFieldsMixin, forms.ModelForm[Center]):
    translated_fields = TRANSLATED_CENTER_FIELDS

    class Meta:
        model = Center
        fields = [
            "code",
            *(f"{base}_{lang}" for base in TRANSLATED_CENTER_FIELDS for lang in ("ky", "ru", "en")),
            "district",
            "latitude",
            "longitude",
            "phone",
            "email",
            *ACCESSIBILITY_FEATURES,
            "connectivity",
            "connection_speed_mbps",
        ]
        field_classes = {"district": DistrictChoiceField}
        widgets = {
            "how_to_get_there_ky": forms.Textarea(attrs={"rows": 3}),
            "how_to_get_there_ru": forms.Textarea(attrs={"rows": 3}),
            "how_to_get_there_en": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args: Any, districts: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label_translations()
        # Kyrgyz and Russian versions are required; English falls back to them.
        for base in ("name", "address"):
            self.fields[f"{base}_ky"].required = True
            self.fields[f"{base}_ru"].required = True
        if districts is not None:
            cast(DistrictChoiceField, self.fields["district"]).queryset = districts
        self.fields["code"].help_text = _("Short code used in lists and imports, e.g. c071.")
        if self.instance.pk:
            self.fields["code"].disabled = True
        self.fields["latitude"].help_text = _("Decimal degrees, e.g. 42.87412.")
        self.fields["longitude"].help_text = _("Decimal degrees, e.g. 74.59058.")

    def clean_latitude(self) -> Any:
        value = self.cleaned_data["latitude"]
        if value is not None and not 39 <= value <= 43.5:
            raise forms.ValidationError(_("This point is outside the Kyrgyz Republic."))
        return value

    def clean_longitude(self) -> Any:
        value = self.cleaned_data["longitude"]
        if value is not None and not 69 <= value <= 80.5:
            raise forms.ValidationError(_("This point is outside the Kyrgyz Republic."))
        return value

    def center_fields(self) -> dict[str, Any]:
        """Return the cleaned values keyed by model field, for the services."""
        data = dict(self.cleaned_data)
        for base in ("name", "address", "how_to_get_there"):
            data[base] = data[f"{base}_ky"]
        return data


class RoomForm(TranslatedFieldsMixin, forms.ModelForm[Room]):
    translated_fields = ("name", "equipment")

    class Meta:
        model = Room
        fields = [
            "name_ky",
            "name_ru",
            "name_en",
            "capacity",
            "equipment_ky",
            "equipment_ru",
            "equipment_en",
            "step_free",
        ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label_translations()
        self.fields["name_ky"].required = True
        self.fields["name_ru"].required = True

    def room_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["name"] = data["name_ky"]
        data["equipment"] = data["equipment_ky"]
        return data


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("New status"), choices=Center.Status.choices)


class WeekForm(forms.Form):
    """A week of opening hours: up to two periods a day (before and after lunch)."""

    PERIODS = 2

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for day, label in OpeningHours.Weekday.choices:
            for n in range(1, self.PERIODS + 1):
                self.fields[f"d{day}_opens{n}"] = forms.TimeField(
                    label=_("%(day)s: opens (period %(n)s)") % {"day": label, "n": n},
                    required=False,
                    widget=TIME_WIDGET,
                )
                self.fields[f"d{day}_closes{n}"] = forms.TimeField(
                    label=_("%(day)s: closes (period %(n)s)") % {"day": label, "n": n},
                    required=False,
                    widget=TIME_WIDGET,
                )

    @staticmethod
    def initial_for(periods: list[OpeningHours]) -> dict[str, datetime.time]:
        initial: dict[str, datetime.time] = {}
        counts: dict[int, int] = {}
        for p in periods:
            n = counts[p.weekday] = counts.get(p.weekday, 0) + 1
            if n <= WeekForm.PERIODS:
                initial[f"d{p.weekday}_opens{n}"] = p.opens
                initial[f"d{p.weekday}_closes{n}"] = p.closes
        return initial

    def days(self) -> list[tuple[str, list[tuple[forms.BoundField, forms.BoundField]]]]:
        return [
            (
                str(label),
                [
                    (self[f"d{day}_opens{n}"], self[f"d{day}_closes{n}"])
                    for n in range(1, self.PERIODS + 1)
                ],
            )
            for day, label in OpeningHours.Weekday.choices
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for day, _label in OpeningHours.Weekday.choices:
            previous_close: datetime.time | None = None
            for n in range(1, self.PERIODS + 1):
                opens, closes = data.get(f"d{day}_opens{n}"), data.get(f"d{day}_closes{n}")
                if (opens is None) != (closes is None):
                    self.add_error(
                        f"d{day}_closes{n}" if closes is None else f"d{day}_opens{n}",
                        _("Give both the opening and the closing time, or neither."),
                    )
                elif opens is not None and closes is not None:
                    if closes <= opens:
                        self.add_error(
                            f"d{day}_closes{n}", _("Closing time must be after opening.")
                        )
                    elif previous_close is not None and opens < previous_close:
                        self.add_error(
                            f"d{day}_opens{n}", _("Periods of one day must not overlap.")
                        )
                    previous_close = closes
        return data

    def periods(self) -> list[tuple[int, datetime.time, datetime.time]]:
        result = []
        for day, _label in OpeningHours.Weekday.choices:
            for n in range(1, self.PERIODS + 1):
                opens = self.cleaned_data.get(f"d{day}_opens{n}")
                closes = self.cleaned_data.get(f"d{day}_closes{n}")
                if opens is not None and closes is not None:
                    result.append((day, opens, closes))
        return result


class ExceptionForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    closed = forms.BooleanField(label=_("Closed all day"), required=False, initial=True)
    opens = forms.TimeField(label=_("Opens at"), required=False, widget=TIME_WIDGET)
    closes = forms.TimeField(label=_("Closes at"), required=False, widget=TIME_WIDGET)
    reason_ky = forms.CharField(label=_("Reason (Kyrgyz)"), required=False, max_length=200)
    reason_ru = forms.CharField(label=_("Reason (Russian)"), required=False, max_length=200)
    reason_en = forms.CharField(label=_("Reason (English)"), required=False, max_length=200)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("closed"):
            opens, closes = data.get("opens"), data.get("closes")
            if opens is None or closes is None:
                self.add_error("opens", _("Give the hours of that day, or mark it closed."))
            elif closes <= opens:
                self.add_error("closes", _("Closing time must be after opening."))
        return data


class StaffAssignForm(forms.Form):
    username = forms.CharField(label=_("User name of the staff member"), max_length=150)
    role = forms.ChoiceField(label=_("Role at this center"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from bilim.accounts.models import Role

        self.fields["role"].choices = [  # type: ignore[attr-defined]
            (Role.CENTER.value, Role.CENTER.label),
            (Role.FACILITATOR.value, Role.FACILITATOR.label),
        ]


class NearestForm(forms.Form):
    """Where the visitor is: a district chosen from the list, or a shared location."""

    district = DistrictChoiceField(
        label=_("Your district or city"),
        queryset=District.objects.select_related("region").order_by("region__code", "code"),
        required=False,
    )
    lat = forms.DecimalField(required=False, widget=forms.HiddenInput, min_value=39, max_value=44)
    lon = forms.DecimalField(required=False, widget=forms.HiddenInput, min_value=69, max_value=81)

    def point(self) -> tuple[Any, Any] | None:
        data = self.cleaned_data
        if data.get("lat") is not None and data.get("lon") is not None:
            return data["lat"], data["lon"]
        if data.get("district") is not None:
            return data["district"].latitude, data["district"].longitude
        return None
