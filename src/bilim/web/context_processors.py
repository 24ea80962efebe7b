from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url

from bilim.accounts.selectors import scope_for


def site(request: HttpRequest) -> dict[str, Any]:
    """Give every page the contact line, the language switch and the viewer's scope."""
    path = request.get_full_path()
    return {
        "contact_phone": settings.BILIM_CONTACT_PHONE,
        "contact_email": settings.BILIM_CONTACT_EMAIL,
        "language_links": [
            (code, name, translate_url(path, code)) for code, name in settings.LANGUAGES
        ],
        "scope": scope_for(request.user),
    }
