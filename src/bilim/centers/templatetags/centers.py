from django import template

from ..models import Center
from ..selectors import week_summary

register = template.Library()


@register.filter
def hours_summary(center: Center) -> str:
    """The center's week in one line, in the active language."""
    return week_summary(center)
