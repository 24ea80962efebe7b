import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .codes import LENGTH, short_code_clean
from .models import Certificate

# KG-2026-000009, also typed in small letters, with spaces, or without the zeros.
NUMBER = re.compile(r"(?:KG)?[\s\-‐‑–—]*(?P<year>\d{4})[\s\-‐‑–—/]*(?P<row>\d{1,9})", re.IGNORECASE)

# With a non-breaking hyphen: a phone must not wrap the example in two.
EXAMPLE_CODE = "K7M2Q\u20119QXD4"


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_(
            "Kept with the certificate for staff. The public page only says when it was revoked."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


@dataclass(frozen=True)
class Lookup:
    """What the code field named: the printed short code or the QR code's long one."""

    short_code: str = ""
    verification_code: str = ""


class CodeLookupForm(forms.Form):
    """The code printed beside the QR code, or the address under it copied whole."""

    code = forms.CharField(
        label=_("Code on the certificate"),
        max_length=200,
        widget=forms.TextInput(
            attrs={"autocapitalize": "characters", "autocomplete": "off", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = gettext(
            "10 letters and digits printed beside the QR code, for example %(example)s. "
            "Small or capital letters, both are fine."
        ) % {"example": EXAMPLE_CODE}

    def clean_code(self) -> Lookup:
        text: str = self.cleaned_data["code"].strip()
        short = short_code_clean(text)
        if short is not None:
            return Lookup(short_code=short)
        # Certificates printed before the short code carry only the QR code's address.
        last = re.split(r"[/\s]", text.rstrip("/"))[-1]
        max_length = Certificate._meta.get_field("verification_code").max_length or 24
        pasted = "/" in text or len(last) > LENGTH + 1
        if pasted and len(last) <= max_length and re.fullmatch(r"[\w-]+", last):
            return Lookup(verification_code=last)
        raise forms.ValidationError(
            gettext(
                "A code has 10 letters and digits, like %(example)s. "
                "Check what you typed against the certificate."
            )
            % {"example": EXAMPLE_CODE}
        )


class NumberLookupForm(forms.Form):
    """The printed number, only together with the holder's surname."""

    number = forms.CharField(
        label=_("Certificate number"),
        max_length=40,
        help_text=_("For example KG-2026-000009."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    surname = forms.CharField(
        label=_("Surname of the holder"),
        max_length=100,
        help_text=_("As printed on the certificate."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_number(self) -> str:
        text: str = self.cleaned_data["number"]
        match = NUMBER.fullmatch(text.strip())
        if match is None:
            raise forms.ValidationError(
                _("A certificate number looks like KG-2026-000009. Check what you typed.")
            )
        return f"KG-{match['year']}-{int(match['row']):06d}"
