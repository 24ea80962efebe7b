"""Staff forms of the program catalog: programs, proposals, materials, audiences, offerings."""

from decimal import Decimal
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from bilim.centers.models import Center, Room
from bilim.partners.forms import WebsiteField
from bilim.partners.models import Direction, Partner
from bilim.partners.services.partners import LANGS
from bilim.web.forms import (
    DATE_WIDGET,
    TIME_WIDGET,
    CheckboxGroup,
    RadioGroup,
    TranslatedFieldsMixin,
)
from bilim.web.languages import LANGUAGES

from .files import ACCEPT
from .models import Audience, Program, ProgramMaterial, Theme
from .services import RESERVED_CODES, ProgramFields

if TYPE_CHECKING:  # scheduling sits above programs: named only for the offering proposal
    from bilim.scheduling.services import Series

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


def _translated(*bases: str) -> list[str]:
    return [f"{base}_{lang}" for base in bases for lang in LANGS]


def _per_language(data: dict[str, Any], base: str) -> dict[str, str]:
    return {lang: data.get(f"{base}_{lang}") or "" for lang in LANGS}


class ProgramForm(TranslatedFieldsMixin, forms.ModelForm[Program]):
    """A program as the national office writes it, or as a partner proposes it.

    With `partner`, the form is the partner's proposal: no short code, and the
    partner leads the program.
    """

    translated_fields = ("title", "summary", "description")

    languages = forms.MultipleChoiceField(
        label=_("Languages of delivery"),
        choices=LANGUAGES,
        widget=CheckboxGroup,
        help_text=_("Tick every language the program can be delivered in."),
    )

    class Meta:
        model = Program
        fields = [
            "code",
            *_translated("title", "summary", "description"),
            "direction",
            "activity_type",
            "themes",
            "audiences",
            "languages",
            "lead_partner",
            "partners",
            "session_count",
            "hours",
            "certificate_min_attendance",
            "late_joiners",
            "min_age",
        ]
        widgets = {
            "direction": RadioGroup,
            "themes": CheckboxGroup,
            "audiences": CheckboxGroup,
            "partners": CheckboxGroup,
            **{f: forms.Textarea(attrs={"rows": 2}) for f in _translated("summary")},
            **{f: forms.Textarea(attrs={"rows": 5}) for f in _translated("description")},
        }
        help_texts = {
            "certificate_min_attendance": _(
                "A participant who attends at least this share of the sessions receives a "
                "certificate. Leave empty if the program gives no certificate."
            ),
            "min_age": _("Leave empty if people of any age may take part."),
            "partners": _("Organisations that deliver the program with the lead partner."),
        }

    def __init__(self, *args: Any, partner: Partner | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.partner = partner
        self.label_translations()
        for base in ("title", "summary"):
            # Kyrgyz and Russian versions are required; English falls back to them.
            self.fields[f"{base}_ky"].required = True
            self.fields[f"{base}_ru"].required = True
        direction = cast(forms.ModelChoiceField[Direction], self.fields["direction"])
        direction.queryset = Direction.objects.order_by("position")
        direction.empty_label = None
        cast(
            forms.ModelMultipleChoiceField[Theme], self.fields["themes"]
        ).queryset = Theme.objects.order_by("name")
        partners = Partner.objects.filter(is_active=True).order_by("name")
        cast(forms.ModelChoiceField[Partner], self.fields["lead_partner"]).queryset = partners
        if partner is not None:
            partners = partners.exclude(pk=partner.pk)
            del self.fields["code"], self.fields["lead_partner"]
        elif self.instance.pk:
            self.fields["code"].disabled = True
            self.fields["code"].help_text = _("The address of the program does not change.")
        else:
            self.fields["code"].required = False
            self.fields["code"].help_text = _(
                "Latin letters, digits and hyphens, used in addresses. Leave empty to make "
                "one from the title."
            )
        cast(forms.ModelMultipleChoiceField[Partner], self.fields["partners"]).queryset = partners
        self.fields["session_count"].validators.append(MinValueValidator(1))
        self.fields["session_count"].widget.attrs.update({"min": 1, "inputmode": "numeric"})
        self.fields["hours"].widget.attrs.update({"min": "0.5", "step": "0.5"})
        attendance = self.fields["certificate_min_attendance"]
        attendance.validators.append(MaxValueValidator(100))
        attendance.widget.attrs.update({"min": 0, "max": 100, "inputmode": "numeric"})
        self.fields["min_age"].widget.attrs.update({"min": 0, "max": 120, "inputmode": "numeric"})

    def clean_code(self) -> str:
        code: str = (self.cleaned_data.get("code") or "").lower()
        if code in RESERVED_CODES:
            raise forms.ValidationError(_("This short code is reserved; choose another."))
        return code

    def clean_hours(self) -> Decimal:
        hours: Decimal = self.cleaned_data["hours"]
        if hours <= 0:
            raise forms.ValidationError(_("Enter the hours the program takes in total."))
        return hours

    def program_fields(self) -> ProgramFields:
        """Return the cleaned values as the fields of a program."""
        data = self.cleaned_data
        return ProgramFields(
            titles=_per_language(data, "title"),
            summaries=_per_language(data, "summary"),
            descriptions=_per_language(data, "description"),
            direction=data["direction"],
            activity_type=data["activity_type"],
            session_count=data["session_count"],
            hours=data["hours"],
            languages=list(data["languages"]),
            themes=list(data["themes"]),
            audiences=list(data["audiences"]),
            lead_partner=self.partner or data.get("lead_partner"),
            partners=list(data["partners"]),
            certificate_min_attendance=data["certificate_min_attendance"],
            late_joiners=data["late_joiners"],
            min_age=data["min_age"],
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=Program.Status.choices)


class DecisionForm(forms.Form):
    """The national office's answer to a partner's proposal."""

    APPROVE, DECLINE = "approve", "decline"

    action = forms.ChoiceField(choices=[(APPROVE, _("Approve")), (DECLINE, _("Decline"))])
    comment = forms.CharField(
        label=_("Comment for the partner"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to decline: say what to change."),
    )


class MaterialForm(TranslatedFieldsMixin, forms.ModelForm[ProgramMaterial]):
    translated_fields = ("title",)

    class Meta:
        model = ProgramMaterial
        fields = ["kind", *_translated("title"), "file", "url", "language"]
        widgets = {
            "kind": RadioGroup,
            "file": forms.FileInput(attrs={"accept": ACCEPT}),
            "url": forms.URLInput(attrs={"inputmode": "url"}),
        }
        labels = {"kind": _("What is it?")}
        field_classes = {"url": WebsiteField}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label_translations()
        self.fields["title_ky"].required = True
        self.fields["kind"].choices = ProgramMaterial.Kind.choices  # type: ignore[attr-defined]
        self.fields["url"].help_text = _(
            "For a video or a web page, for example https://www.youtube.com/watch?v=…"
        )
        self.fields["language"].label = _("Language of the material")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        if kind == ProgramMaterial.Kind.FILE:
            data["url"] = ""
            if not data.get("file") and "file" not in self.errors:
                self.add_error("file", _("Choose the file to upload."))
        elif kind:
            data["file"] = None
            if not data.get("url") and "url" not in self.errors:
                self.add_error("url", _("Enter the address of the video or page."))
        return data

    def material_fields(self) -> dict[str, Any]:
        """Return the cleaned values as the arguments of material_add."""
        data = self.cleaned_data
        upload = data.get("file")
        return {
            "kind": data["kind"],
            "titles": _per_language(data, "title"),
            "file": upload if isinstance(upload, UploadedFile) else None,
            "url": data.get("url") or "",
            "language": data.get("language") or "",
        }


class AudienceForm(TranslatedFieldsMixin, forms.ModelForm[Audience]):
    translated_fields = ("name",)

    class Meta:
        model = Audience
        fields = _translated("name")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label_translations()
        self.fields["name_ky"].required = True
        self.fields["name_ru"].required = True

    def names(self) -> dict[str, str]:
        return _per_language(self.cleaned_data, "name")


class CenterChoiceField(forms.ModelChoiceField[Center]):
    """Centers named with their district, since names repeat across the country."""

    def label_from_instance(self, obj: Center) -> str:
        return f"{obj.name} ({obj.district.name})"


class RoomChoiceField(forms.ModelChoiceField[Room]):
    def label_from_instance(self, obj: Room) -> str:
        return f"{obj.center.name} — {obj.name}"


class OfferingProposalForm(forms.Form):
    """A partner's proposal to deliver one of its programs, with its dates if known."""

    program: forms.ModelChoiceField[Program] = forms.ModelChoiceField(
        label=_("Program"), queryset=Program.objects.none()
    )
    format = forms.ChoiceField(label=_("Where"), widget=RadioGroup, choices=())
    center = CenterChoiceField(
        label=_("Center"),
        queryset=Center.objects.none(),
        required=False,
        help_text=_("Needed unless the offering is online only."),
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGES)
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=1000)
    first_day = forms.DateField(label=_("First day"), required=False, widget=DATE_WIDGET)
    last_day = forms.DateField(label=_("Last day"), required=False, widget=DATE_WIDGET)
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Days of the week"),
        choices=WEEKDAYS,
        coerce=int,
        required=False,
        widget=CheckboxGroup,
    )
    starts = forms.TimeField(label=_("Starts at"), required=False, widget=TIME_WIDGET)
    ends = forms.TimeField(label=_("Ends at"), required=False, widget=TIME_WIDGET)
    room = RoomChoiceField(
        label=_("Room"),
        queryset=Room.objects.none(),
        required=False,
        help_text=_("Optional. The room is checked again when the national office approves."),
    )

    SERIES_FIELDS = ("first_day", "last_day", "weekdays", "starts", "ends")

    def __init__(self, *args: Any, programs: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Imported here: the offering's model belongs to scheduling, above programs.
        from bilim.scheduling.models import Offering

        cast(forms.ModelChoiceField[Program], self.fields["program"]).queryset = programs
        cast(forms.ChoiceField, self.fields["format"]).choices = Offering.Format.choices
        centers = Center.objects.filter(status=Center.Status.OPEN).select_related("district")
        cast(CenterChoiceField, self.fields["center"]).queryset = centers.order_by("name")
        cast(RoomChoiceField, self.fields["room"]).queryset = Room.objects.filter(
            center__status=Center.Status.OPEN
        ).select_related("center")
        self.fields["capacity"].widget.attrs["inputmode"] = "numeric"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("format") not in (None, "online") and not data.get("center"):
            self.add_error("center", _("Choose the center where the offering takes place."))
        given = [name for name in self.SERIES_FIELDS if data.get(name)]
        if given and len(given) < len(self.SERIES_FIELDS):
            for name in self.SERIES_FIELDS:
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, _("Fill this in too, or leave all the dates empty."))
        first, last = data.get("first_day"), data.get("last_day")
        if first and last and last < first:
            self.add_error("last_day", _("The last day must not be before the first."))
        starts, ends = data.get("starts"), data.get("ends")
        if starts and ends and ends <= starts:
            self.add_error("ends", _("A session must end after it starts."))
        room, center = data.get("room"), data.get("center")
        if room and center and room.center_id != center.pk:
            self.add_error("room", _("Choose a room of the chosen center."))
        return data

    def series(self) -> "Series | None":
        """Return the dated sessions asked for, or None when no dates were given."""
        from bilim.scheduling.services import Series

        data = self.cleaned_data
        if not data.get("first_day"):
            return None
        return Series(
            first_day=data["first_day"],
            last_day=data["last_day"],
            weekdays=frozenset(data["weekdays"]),
            starts=data["starts"],
            ends=data["ends"],
        )
