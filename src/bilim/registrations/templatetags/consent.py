"""The consent paragraph people agree to when registering: one text per CONSENT_VERSION.

Every page that asks for consent (the sign-up, the operator's and the walk-in forms)
shows it through `{% consent_text %}`, so the text stored as accepted is the one shown.
"""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

register = template.Library()


@register.simple_tag(takes_context=True)
def consent_text(context: template.Context) -> SafeString:
    """Return the consent paragraph of settings.CONSENT_VERSION, in the page's language."""
    values = {str(name): value for name, value in context.flatten().items()}
    return render_to_string(f"registrations/consent/{settings.CONSENT_VERSION}.html", values)
