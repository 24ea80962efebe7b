import re

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Certificate


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=300,
        help_text=_(
            "Kept with the certificate for staff. The public page only says when it was revoked."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=200,
        help_text=_("The last part of the address printed under the QR code on the certificate."),
    )

    def clean_code(self) -> str:
        """Accept the code alone or the whole address copied from the certificate."""
        text: str = self.cleaned_data["code"].strip().rstrip("/")
        code = re.split(r"[/\s]", text)[-1]
        max_length = Certificate._meta.get_field("verification_code").max_length or 24
        if not code or len(code) > max_length or not re.fullmatch(r"[\w-]+", code):
            raise forms.ValidationError(_("This is not a verification code. Check what you typed."))
        return code
