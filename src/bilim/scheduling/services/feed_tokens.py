"""The secret addresses of personal calendar feeds."""

import secrets

from django.db import transaction

from bilim.accounts.models import User

from ..models import CalendarFeedToken


def _new_token() -> str:
    return secrets.token_urlsafe(32)


@transaction.atomic
def feed_token_get_or_create(*, user: User) -> CalendarFeedToken:
    """Return the person's feed secret, creating one the first time."""
    token, _created = CalendarFeedToken.objects.get_or_create(
        user=user, defaults={"token": _new_token()}
    )
    return token


@transaction.atomic
def feed_token_regenerate(*, user: User) -> CalendarFeedToken:
    """Replace the person's feed secret; the old address stops working at once."""
    token, _created = CalendarFeedToken.objects.update_or_create(
        user=user, defaults={"token": _new_token()}
    )
    return token
