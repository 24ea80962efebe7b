"""Phone numbers as people type them (0555 123 456, +996 555 123 456), checked and written
one way. Contacts are shown the international way; numbers for SMS are stored as E.164."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

KYRGYZSTAN = 996
PHONE_ERROR = _("Enter a phone number such as 0555 123 456 or +996 555 123 456.")
MOBILE_ERROR = _("Enter a Kyrgyz mobile number, for example 0555 123 456 or +996 555 123 456.")


def _parse(value: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(value, "KG")
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def phone_for_contact(value: str, *, kyrgyz_only: bool = False) -> str:
    """Return a contact number written the international way; "" stays ""."""
    if not value:
        return ""
    number = _parse(value)
    if number is None or (kyrgyz_only and number.country_code != KYRGYZSTAN):
        raise ValidationError(PHONE_ERROR, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def mobile_for_sms(value: str) -> str:
    """Return a Kyrgyz mobile number written as gateways take it: +996555123456."""
    number = _parse(value)
    mobile = number is not None and phonenumbers.number_type(number) in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )
    if number is None or number.country_code != KYRGYZSTAN or not mobile:
        raise ValidationError(MOBILE_ERROR, code="invalid_phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
