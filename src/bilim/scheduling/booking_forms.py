"""Forms of community space bookings: the public request, and the center's decision."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from bilim.centers.models import Center, Room
from bilim.web.forms import DATE_WIDGET, TIME_WIDGET, RadioGroup
from bilim.web.phones import phone_for_contact

from .booking_selectors import RoomChoice
from .errors import BOOKING_DECLINE_NEEDS_REASON
from .models import SpaceBooking, local_datetime
from .services.bookings import booking_problems


class BookingRequestForm(forms.Form):
    """A group's request for a room, with a honeypot field that people never see."""

    HONEYPOT = "reference"
    # Where `booking_problems` puts its findings on this form.
    PROBLEM_FIELDS = {"starts_at": "date", "ends_at": "ends", "expected_attendance": "people"}

    purpose = forms.ChoiceField(
        label=_("What kind of event is it?"),
        choices=SpaceBooking.Purpose.choices,
        widget=RadioGroup,
    )
    title = forms.CharField(
        label=_("Name of the event"),
        max_length=200,
        help_text=_("For example: Round table on the village budget."),
    )
    description = forms.CharField(
        label=_("What will happen"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 2000}),
        help_text=_("Optional. A few words about the programme of the event."),
    )
    people = forms.IntegerField(
        label=_("How many people will come?"),
        help_text=_("Count the organisers too."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 1}),
    )
    needs = forms.CharField(
        label=_("What do you need from the center?"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        help_text=_(
            "Optional. For example a projector, a microphone, tables in a circle, "
            "a sign-language interpreter."
        ),
    )
    date = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    starts = forms.TimeField(label=_("Starts at"), widget=TIME_WIDGET)
    ends = forms.TimeField(label=_("Ends at"), widget=TIME_WIDGET)
    requester_name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Group or organisation"),
        required=False,
        max_length=300,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
        help_text=_("Optional."),
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
        help_text=_("We send the decision to this number by SMS. For example 0555 123 456."),
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("Optional. We also write the decision to this address."),
    )
    publish = forms.BooleanField(
        label=_("Anyone may come: list the event on the center's page"),
        required=False,
    )
    reference = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, center: Center, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.center = center

    @property
    def is_spam(self) -> bool:
        """True when the hidden field was filled in: only programs do that."""
        return bool(self.data.get(self.HONEYPOT))

    def clean_phone(self) -> str:
        return phone_for_contact(self.cleaned_data["phone"], kyrgyz_only=True)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, starts, ends = data.get("date"), data.get("starts"), data.get("ends")
        problems = booking_problems(
            center=self.center,
            starts_at=local_datetime(day, starts) if day and starts else None,
            ends_at=local_datetime(day, ends) if day and ends else None,
            expected_attendance=data.get("people"),
        )
        for key, problem in problems.items():
            field = self.PROBLEM_FIELDS.get(key)
            if field is None:
                self.add_error(None, problem.message)
            elif field not in self.errors:
                self.add_error(field, problem.message)
        return data

    def booking_fields(self) -> dict[str, Any]:
        """Return the cleaned values as the arguments of booking_request."""
        data = self.cleaned_data
        return {
            "center": self.center,
            "purpose": data["purpose"],
            "title": data["title"],
            "description": data["description"],
            "expected_attendance": data["people"],
            "needs": data["needs"],
            "starts_at": local_datetime(data["date"], data["starts"]),
            "ends_at": local_datetime(data["date"], data["ends"]),
            "requester_name": data["requester_name"],
            "organisation": data["organisation"],
            "phone": data["phone"],
            "email": data["email"],
            "publish": data["publish"],
        }


class RoomRadio(forms.ModelChoiceField[Room]):
    widget = RadioGroup

    def __init__(self, *, choices: list[RoomChoice], **kwargs: Any) -> None:
        self.hints = {c.room.pk: c for c in choices}
        kwargs["queryset"] = Room.objects.filter(pk__in=list(self.hints)).order_by(
            "-capacity", "name"
        )
        kwargs["empty_label"] = None
        super().__init__(**kwargs)

    def label_from_instance(self, obj: Room) -> str:
        seats = ngettext("%(counter)s seat", "%(counter)s seats", obj.capacity) % {
            "counter": obj.capacity
        }
        label = f"{obj.name}: {seats}"
        hint = self.hints.get(obj.pk)
        if hint and not hint.free:
            label += " — " + str(_("taken at this time"))
        elif hint and not hint.big_enough:
            label += " — " + str(_("too small"))
        return label


class ApproveForm(forms.Form):
    room = forms.Field(label=_("Room"))
    publish = forms.BooleanField(
        label=_("Open event: list it on the center's page"),
        required=False,
        help_text=_("Anyone may come. The requester's wish is ticked already."),
    )

    def __init__(self, *args: Any, choices: list[RoomChoice], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["room"] = RoomRadio(label=_("Room"), choices=choices)
        fitting = [c for c in choices if c.free and c.big_enough]
        if fitting and not self.is_bound:
            # The smallest room that fits and is free: the large hall stays available.
            self.initial.setdefault("room", min(fitting, key=lambda c: c.room.capacity).room.pk)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        help_text=_("Sent to the person who asked by SMS and e-mail, exactly as written here."),
        error_messages={"required": BOOKING_DECLINE_NEEDS_REASON.text},
    )
