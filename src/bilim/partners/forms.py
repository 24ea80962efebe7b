from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from bilim.geography.models import Region
from bilim.web.forms import DATE_WIDGET, CheckboxGroup, RadioGroup, TranslatedFieldsMixin
from bilim.web.phones import phone_for_contact

from .models import Agreement, Contribution, Direction, Partner, PartnershipApplication
from .services.partners import LANGS, RESERVED_SLUGS

MAX_OFFER_LENGTH = 3000


def _translated(*bases: str) -> list[str]:
    return [f"{base}_{lang}" for base in bases for lang in LANGS]


def _per_language(data: dict[str, Any], base: str) -> dict[str, str]:
    return {lang: data.get(f"{base}_{lang}") or "" for lang in LANGS}


class WebsiteField(forms.URLField):
    """A web address; "example.kg" typed without a scheme becomes https://example.kg."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["assume_scheme"] = "https"
        super().__init__(**kwargs)


class DirectionChoices(forms.ModelMultipleChoiceField[Direction]):
    widget = CheckboxGroup

    def __init__(self, **kwargs: Any) -> None:
        kwargs["queryset"] = Direction.objects.order_by("position")
        super().__init__(**kwargs)


class RegionChoices(forms.ModelMultipleChoiceField[Region]):
    widget = CheckboxGroup

    def __init__(self, **kwargs: Any) -> None:
        kwargs["queryset"] = Region.objects.order_by("code")
        super().__init__(**kwargs)


class PartnerForm(TranslatedFieldsMixin, forms.ModelForm[Partner]):
    translated_fields = ("name", "description")
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)

    class Meta:
        model = Partner
        fields = [
            "slug",
            *_translated("name", "description"),
            "kind",
            "directions",
            "regions",
            "logo",
            "contact_person",
            "email",
            "phone",
            "website",
            "is_active",
        ]
        field_classes = {
            "directions": DirectionChoices,
            "regions": RegionChoices,
            "website": WebsiteField,
        }
        widgets = {
            "logo": forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp,image/gif"}),
            **{f: forms.Textarea(attrs={"rows": 4}) for f in _translated("description")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label_translations()
        # Kyrgyz and Russian names are required; English falls back to them.
        self.fields["name_ky"].required = True
        self.fields["name_ru"].required = True
        self.fields["directions"].help_text = _("Tick every direction the partner works in.")
        if self.instance.pk:
            self.fields["slug"].disabled = True
            self.fields["slug"].help_text = _("The address of the partner's page does not change.")

    def clean_slug(self) -> str:
        slug: str = self.cleaned_data["slug"]
        if slug in RESERVED_SLUGS:
            raise forms.ValidationError(_("This short code is reserved; choose another."))
        return slug

    def clean_phone(self) -> str:
        return phone_for_contact(self.cleaned_data["phone"])

    def partner_fields(self) -> dict[str, Any]:
        """Return the cleaned values as the arguments of partner_upsert."""
        data = self.cleaned_data
        logo = data.get("logo")
        return {
            "slug": self.instance.slug if self.instance.pk else data["slug"],
            "kind": data["kind"],
            "names": _per_language(data, "name"),
            "descriptions": _per_language(data, "description"),
            "directions": [d.code for d in data["directions"]],
            "regions": list(data["regions"]),
            "contact_person": data["contact_person"],
            "email": data["email"],
            "phone": data["phone"],
            "website": data["website"],
            "is_active": data["is_active"],
            "logo": logo if isinstance(logo, UploadedFile) else None,
            "remove_logo": bool(data.get("remove_logo")),
        }


class AgreementForm(TranslatedFieldsMixin, forms.ModelForm[Agreement]):
    translated_fields = ("scope",)
    remove_file = forms.BooleanField(label=_("Remove the current file"), required=False)

    class Meta:
        model = Agreement
        fields = ["kind", "number", "signed_on", "valid_until", *_translated("scope"), "file"]
        widgets = {
            "signed_on": DATE_WIDGET,
            "valid_until": DATE_WIDGET,
            "file": forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
            **{f: forms.Textarea(attrs={"rows": 3}) for f in _translated("scope")},
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label_translations()

    def agreement_fields(self) -> dict[str, Any]:
        """Return the cleaned values as the arguments of agreement_save."""
        data = self.cleaned_data
        upload = data.get("file")
        return {
            "kind": data["kind"],
            "number": data["number"],
            "signed_on": data["signed_on"],
            "valid_until": data["valid_until"],
            "scopes": _per_language(data, "scope"),
            "file": upload if isinstance(upload, UploadedFile) else None,
            "remove_file": bool(data.get("remove_file")),
        }


class ContributionForm(TranslatedFieldsMixin, forms.ModelForm[Contribution]):
    translated_fields = ("description",)

    class Meta:
        model = Contribution
        fields = ["kind", "year", *_translated("description"), "amount", "currency"]
        widgets = {f: forms.Textarea(attrs={"rows": 3}) for f in _translated("description")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.label_translations()
        self.fields["year"].widget.attrs.update({"inputmode": "numeric", "min": 2000})
        self.fields["amount"].widget.attrs.update({"inputmode": "decimal"})

    def contribution_fields(self) -> dict[str, Any]:
        """Return the cleaned values as the arguments of contribution_save."""
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "year": data["year"],
            "descriptions": _per_language(data, "description"),
            "amount": data["amount"],
            "currency": data["currency"],
        }


class ApplicationForm(forms.ModelForm[PartnershipApplication]):
    """The public partnership application, with a honeypot field that people never see."""

    HONEYPOT = "reference"

    reference = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    class Meta:
        model = PartnershipApplication
        fields = [
            "organisation",
            "kind",
            "contact_name",
            "email",
            "phone",
            "website",
            "offer",
            "directions",
            "regions",
        ]
        field_classes = {
            "directions": DirectionChoices,
            "regions": RegionChoices,
            "website": WebsiteField,
        }
        widgets = {
            "kind": RadioGroup,
            "offer": forms.Textarea(attrs={"rows": 6, "maxlength": MAX_OFFER_LENGTH}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "website": forms.URLInput(attrs={"autocomplete": "url"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
        }
        labels = {"kind": _("What kind of organisation is it?")}
        help_texts = {
            "organisation": _("Its full name, as on its registration documents."),
            "contact_name": _("The person we should write to about this application."),
            "email": _("We send the confirmation of your application to this address."),
            "phone": _("Optional. For example 0555 123 456 or +996 555 123 456."),
            "website": _("Optional. For example https://example.kg"),
            "offer": _(
                "For example trainers, courses or teaching materials, equipment, funding, "
                "a venue, or media coverage. At most 3000 characters."
            ),
            "directions": _("Tick every direction your offer fits."),
            "regions": _("Leave all unticked if you can work across the whole country."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A radio list with no empty choice: the kind is required.
        self.fields["kind"].choices = Partner.Kind.choices  # type: ignore[attr-defined]
        self.fields["directions"].label = _("Which directions of work does your offer fit?")
        self.fields["regions"].label = _("In which regions can you work?")

    @property
    def is_spam(self) -> bool:
        """True when the hidden field was filled in: only programs do that."""
        return bool(self.data.get(self.HONEYPOT))

    def clean_offer(self) -> str:
        offer: str = self.cleaned_data["offer"]
        if len(offer) > MAX_OFFER_LENGTH:
            raise forms.ValidationError(
                _("Shorten the text to at most %(limit)s characters.") % {"limit": MAX_OFFER_LENGTH}
            )
        return offer

    def clean_phone(self) -> str:
        return phone_for_contact(self.cleaned_data["phone"])

    def application_fields(self) -> dict[str, Any]:
        """Return the cleaned values as the arguments of application_submit."""
        data = self.cleaned_data
        return {name: data[name] for name in self.Meta.fields}


class ReviewForm(forms.Form):
    """A comment on an application, with the review step the reviewer takes."""

    COMMENT_ONLY = "comment"

    action = forms.ChoiceField(
        choices=[
            (COMMENT_ONLY, _("Add the comment")),
            *PartnershipApplication.Status.choices,
        ]
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kept in the review history. Required to decline."),
    )
