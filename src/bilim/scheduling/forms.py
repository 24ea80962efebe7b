"""Staff forms for offerings and sessions; the services decide, the forms only parse."""

import datetime
from typing import Any, cast

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bilim.accounts.models import User
from bilim.centers.models import Center, OpeningHours, Room
from bilim.programs.models import Program
from bilim.web.forms import DATE_WIDGET, TIME_WIDGET, CheckboxGroup, RadioGroup
from bilim.web.languages import LANGUAGES

from .models import Offering, Session, local_datetime
from .services import Series

MAX_WEEKS = 52


class FacilitatorChoices(forms.ModelMultipleChoiceField[User]):
    widget = CheckboxGroup

    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.get_username()


class ProgramChoice(forms.ModelChoiceField[Program]):
    pass


class RoomChoice(forms.ModelChoiceField[Room]):
    def label_from_instance(self, obj: Room) -> str:
        return obj.name


class CenterChoice(forms.ModelChoiceField[Center]):
    def label_from_instance(self, obj: Center) -> str:
        return f"{obj.name} ({obj.code})"


HOLD_HOURS_DEFAULT: int = Offering._meta.get_field("offer_hold_hours").default


class OfferingForm(forms.Form):
    program = ProgramChoice(label=_("Program"), queryset=Program.objects.none())
    format = forms.ChoiceField(
        label=_("Where it takes place"), choices=Offering.Format.choices, widget=RadioGroup
    )
    center = CenterChoice(label=_("Center"), queryset=Center.objects.none(), required=False)
    language = forms.ChoiceField(label=_("Language of the sessions"), choices=LANGUAGES)
    capacity = forms.IntegerField(
        label=_("Places"), min_value=1, max_value=1000, help_text=_("How many people may join.")
    )
    registration_opens = forms.DateField(
        label=_("Registration opens on"), required=False, widget=DATE_WIDGET
    )
    registration_closes = forms.DateField(
        label=_("Last day to register"),
        required=False,
        widget=DATE_WIDGET,
        help_text=_("Leave empty to accept people until the last session."),
    )
    offer_hold_hours = forms.IntegerField(
        label=_("Hours a freed place is held"),
        required=False,
        min_value=1,
        max_value=72,
        initial=HOLD_HOURS_DEFAULT,
        help_text=_(
            "When someone cancels, the first person on the waitlist is offered the place "
            "for this long. Less than a day before the first session, it is given at once."
        ),
    )
    facilitators = FacilitatorChoices(
        label=_("Facilitators"), queryset=User.objects.none(), required=False
    )

    def __init__(
        self,
        *args: Any,
        programs: QuerySet[Program],
        centers: QuerySet[Center],
        facilitators: QuerySet[User],
        allow_online: bool,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(ProgramChoice, self.fields["program"]).queryset = programs
        cast(CenterChoice, self.fields["center"]).queryset = centers
        cast(FacilitatorChoices, self.fields["facilitators"]).queryset = facilitators
        if not allow_online:
            # An online offering has no center, so only the national office can reach it.
            field = cast(forms.ChoiceField, self.fields["format"])
            field.choices = [c for c in Offering.Format.choices if c[0] != Offering.Format.ONLINE]
        self.fields["format"].initial = Offering.Format.OFFLINE

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("format") != Offering.Format.ONLINE and not data.get("center"):
            self.add_error("center", _("Choose the center where it takes place."))
        opens, closes = data.get("registration_opens"), data.get("registration_closes")
        if opens and closes and closes < opens:
            self.add_error("registration_closes", _("Registration must close after it opens."))
        return data

    def offering_fields(self) -> dict[str, Any]:
        """Return the keyword arguments for `offering_create`."""
        data = self.cleaned_data
        closes = data["registration_closes"]
        return {
            "program": data["program"],
            "center": data["center"] if data["format"] != Offering.Format.ONLINE else None,
            "format": data["format"],
            "language": data["language"],
            "capacity": data["capacity"],
            "registration_opens": local_datetime(data["registration_opens"])
            if data["registration_opens"]
            else None,
            # People may register during the whole last day.
            "registration_closes": local_datetime(closes + datetime.timedelta(days=1))
            if closes
            else None,
            "offer_hold_hours": data["offer_hold_hours"] or HOLD_HOURS_DEFAULT,
            "facilitators": list(data["facilitators"]),
        }


class _SessionFields(forms.Form):
    """When, where and the stream link of sessions: shared by a new series and a moved one.

    Each form names its own `field_order`, so its fields and its errors read top to bottom.
    """

    starts = forms.TimeField(label=_("Starts at"), widget=TIME_WIDGET)
    ends = forms.TimeField(label=_("Ends at"), widget=TIME_WIDGET)
    room = RoomChoice(
        label=_("Room"),
        queryset=Room.objects.none(),
        required=False,
        empty_label=_("No room yet"),
    )
    stream_url = forms.URLField(
        label=_("Stream or meeting link"),
        required=False,
        assume_scheme="https",
        help_text=_("Shown to staff and, later, to the people registered."),
    )

    def _fit_to(self, offering: Offering, rooms: QuerySet[Room]) -> None:
        """Offer the center's rooms; no room online, no stream link at a center only."""
        cast(RoomChoice, self.fields["room"]).queryset = rooms
        if offering.format == Offering.Format.ONLINE:
            del self.fields["room"]
        if not offering.is_online:
            del self.fields["stream_url"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        starts, ends = data.get("starts"), data.get("ends")
        if starts and ends and ends <= starts:
            self.add_error("ends", _("A session must end after it starts."))
        return data


class SeriesForm(_SessionFields):
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Days of the week"),
        choices=OpeningHours.Weekday.choices,
        coerce=int,
        widget=CheckboxGroup,
    )
    first_day = forms.DateField(label=_("First day"), widget=DATE_WIDGET)
    weeks = forms.IntegerField(
        label=_("Number of weeks"),
        min_value=1,
        max_value=MAX_WEEKS,
        required=False,
        help_text=_("For example, 4. Or leave it empty and fill in the last day."),
    )
    last_day = forms.DateField(label=_("Last day"), required=False, widget=DATE_WIDGET)
    field_order = [
        "weekdays",
        "starts",
        "ends",
        "first_day",
        "weeks",
        "last_day",
        "room",
        "stream_url",
    ]

    def __init__(self, *args: Any, offering: Offering, rooms: QuerySet[Room], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._fit_to(offering, rooms)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        first, weeks, last = data.get("first_day"), data.get("weeks"), data.get("last_day")
        if weeks and last:
            self.add_error(
                "last_day", _("Fill in only one of them: the number of weeks or the last day.")
            )
        elif not weeks and not last and "weeks" not in self.errors:
            self.add_error("weeks", _("Fill in the number of weeks or the last day."))
        elif first and last and last < first:
            self.add_error("last_day", _("The last day must not be before the first day."))
        return data

    def series(self) -> Series:
        data = self.cleaned_data
        first: datetime.date = data["first_day"]
        last = data["last_day"] or first + datetime.timedelta(weeks=data["weeks"], days=-1)
        return Series(
            first_day=first,
            last_day=last,
            weekdays=frozenset(data["weekdays"]),
            starts=data["starts"],
            ends=data["ends"],
        )


class SessionForm(_SessionFields):
    day = forms.DateField(label=_("Date"), widget=DATE_WIDGET)
    field_order = ["day", "starts", "ends", "room", "stream_url"]

    def __init__(self, *args: Any, session: Session, rooms: QuerySet[Room], **kwargs: Any):
        start = timezone.localtime(session.starts_at)
        kwargs.setdefault(
            "initial",
            {
                "day": start.date(),
                "starts": start.time(),
                "ends": timezone.localtime(session.ends_at).time(),
                "room": session.room_id,
                "stream_url": session.stream_url,
            },
        )
        super().__init__(*args, **kwargs)
        self._fit_to(session.offering, rooms)

    def move_fields(self) -> dict[str, Any]:
        """Return the keyword arguments for `session_move`."""
        data = self.cleaned_data
        return {
            "starts_at": local_datetime(data["day"], data["starts"]),
            "ends_at": local_datetime(data["day"], data["ends"]),
            "room": data.get("room"),
            "stream_url": data.get("stream_url"),
        }


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_("The people registered will read it."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
