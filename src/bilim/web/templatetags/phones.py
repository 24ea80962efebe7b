"""`{{ number|phone }}`: a stored +996555123456 shown as +996 555 123 456, easy to read out."""

from django import template
from django.core.exceptions import ValidationError

from bilim.web.phones import phone_for_contact

register = template.Library()


@register.filter
def phone(value: str) -> str:
    try:
        return phone_for_contact(value)
    except ValidationError:
        return value  # an old or foreign record is shown as it was stored
