"""Template tags of the guides: the text format, and the list beside the consultation form."""

from typing import Any

from django import template
from django.forms.boundfield import BoundField

from bilim.helpdesk.models import ServiceCategory

from ..models import Guide
from ..selectors import desk_guide_list
from ..text import Block, blocks, lines

register = template.Library()


@register.filter
def guide_blocks(text: str) -> list[Block]:
    """Paragraphs, numbered steps and lists of a guide's text (printed with autoescaping)."""
    return blocks(text)


@register.filter
def guide_lines(text: str) -> list[str]:
    return lines(text)


@register.filter
def shown_language(guide: Guide, text: str) -> str:
    """The language a guide's text is shown in (after fallbacks), for the `lang` attribute."""
    return guide.shown_language(text)


@register.inclusion_tag("guides/includes/desk_guides.html")
def desk_guides(field: BoundField) -> dict[str, Any]:
    """The guides of the service chosen in the consultation form, or of every service.

    The help desk's template calls it under the service field: helpdesk sits below guides,
    so it names no guide in its Python code.
    """
    value = field.value()
    category = None
    if value and str(value).isdigit():
        category = ServiceCategory.objects.filter(pk=int(value)).first()
    return {"guides": desk_guide_list(category=category), "category": category}
