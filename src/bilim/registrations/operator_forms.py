"""Forms of the operator console: find an offering, register a caller, find a person, move."""

from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from bilim.programs.models import Program
from bilim.scheduling.models import Offering
from bilim.web.forms import DATE_WIDGET, RadioGroup

from .forms import SignUpForm
from .models import Registration
from .operator_selectors import OfferingFilters, district_choices

DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]
Channel = Registration.Channel


class OfferingFinderForm(forms.Form):
    """Filters of the offering finder; every field may be left empty."""

    district = forms.TypedChoiceField(
        label=_("District or city"), coerce=int, required=False, empty_value=None
    )
    date_from = forms.DateField(
        label=_("From"), required=False, input_formats=DATE_INPUT_FORMATS, widget=DATE_WIDGET
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, input_formats=DATE_INPUT_FORMATS, widget=DATE_WIDGET
    )
    program = forms.TypedChoiceField(
        label=_("Program"), coerce=int, required=False, empty_value=None
    )
    free = forms.BooleanField(label=_("Only with free places"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        district = cast(forms.ChoiceField, self.fields["district"])
        district.choices = [("", _("All districts")), *district_choices()]
        # The operator starts typing the caller's district as soon as the page opens.
        district.widget.attrs["autofocus"] = True
        program = cast(forms.ChoiceField, self.fields["program"])
        programs = Program.objects.filter(status=Program.Status.PUBLISHED).order_by("title")
        program.choices = [("", _("All programs")), *((p.pk, p.title) for p in programs)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        first, last = data.get("date_from"), data.get("date_to")
        if first and last and last < first:
            self.add_error("date_to", _("The end date must not be before the start date."))
        return data

    def filters(self) -> OfferingFilters:
        """The valid part of what was asked: a wrong field is reported and left out."""
        data = self.cleaned_data if hasattr(self, "cleaned_data") else {}
        return OfferingFilters(
            district_id=data.get("district"),
            program_id=data.get("program"),
            date_from=data.get("date_from"),
            date_to=data.get("date_to") if "date_to" not in self.errors else None,
            free_places=bool(data.get("free")),
        )


class PhoneSignUpForm(SignUpForm):
    """The public sign-up form as an operator fills it while the person is on the line.

    Fields come in the order they are asked; the consent is read out rather than shown.
    """

    field_order = [
        "name",
        "phone",
        "birth_year",
        "sex",
        "home_district",
        "language",
        "disability",
        "access_needs",
        "email",
        "channel",
        "consent",
    ]
    channel = forms.ChoiceField(
        label=_("How the person reached us"),
        choices=[
            (Channel.PHONE, Channel.PHONE.label),
            (Channel.EMAIL, Channel.EMAIL.label),
            (Channel.WALK_IN, Channel.WALK_IN.label),
        ],
        initial=Channel.PHONE,
        widget=RadioGroup,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields.pop("website", None)  # staff are not robots: no honeypot
        self.fields["name"].widget.attrs["autofocus"] = True
        consent = self.fields["consent"]
        consent.label = _("I read out the consent text and the person agreed")
        consent.error_messages["required"] = _(
            "Read out the consent text; without the person's consent they cannot be registered."
        )


class PersonSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Phone number or name"),
        max_length=100,
        help_text=_("A phone number in any form, the last digits of it, or a name."),
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "off"}),
    )


class OfferingRadio(forms.ModelChoiceField[Offering]):
    def label_from_instance(self, obj: Offering) -> str:
        where = obj.center.name if obj.center else str(_("online"))
        when = (
            date_format(timezone.localtime(obj.first_starts_at), "SHORT_DATETIME_FORMAT")
            if obj.first_starts_at
            else ""
        )
        free = obj.free_places
        places = (
            ngettext("%(count)d place free", "%(count)d places free", free) % {"count": free}
            if free
            else str(_("full: waitlist"))
        )
        return " · ".join(part for part in (when, where, places) if part)


class MoveForm(forms.Form):
    to_offering = OfferingRadio(
        label=_("Move to this group"),
        queryset=Offering.objects.none(),
        widget=RadioGroup,
        empty_label=None,
        error_messages={"required": _("Choose the group to move the person to.")},
    )

    def __init__(self, *args: Any, targets: Sequence[Offering], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(OfferingRadio, self.fields["to_offering"])
        # A sliced queryset cannot be filtered by the field's lookup; a list of pks can.
        field.queryset = (
            Offering.objects.filter(pk__in=[o.pk for o in targets])
            .select_related("center", "program")
            .order_by("first_starts_at", "pk")
        )
