"""One-time codes by SMS that open a person's registrations without an account.

A code is asked for with a phone number and answered the same way whether or not
anybody registered with that number, so the form tells nobody who is registered: a
code row is written either way, only a known number gets the SMS. Only a keyed hash of
the code is stored; the newest code of a number is the only one that counts, it expires
after ONE_TIME_CODE_MINUTES, and ONE_TIME_CODE_ATTEMPTS wrong tries end it.
"""

import datetime
import secrets

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from bilim.core.errors import BilimError, ErrorMessage

from .messages import tell_code
from .models import OneTimeCode, Participant

TOO_MANY_CODES = ErrorMessage(
    "too_many_codes",
    _("Too many codes were asked for this number. Wait an hour, or call us and we will help."),
)
CODE_WRONG = ErrorMessage(
    "code_wrong", _("This code is not right. Check the SMS and type the six digits again.")
)
CODE_ENDED = ErrorMessage("code_ended", _("This code no longer works. Ask for a new code."))


class OneTimeCodeError(BilimError):
    """A code could not be sent or did not open the registrations; the message says why."""


def _hash(phone: str, code: str) -> str:
    # Keyed with SECRET_KEY: six digits alone would be found from a leaked hash at once.
    return salted_hmac("bilim.one-time-code", f"{phone}:{code}", algorithm="sha256").hexdigest()


@transaction.atomic
def code_send(*, phone: str, now: datetime.datetime | None = None) -> None:
    """Send a new code to the phone (E.164) if anybody registered with it.

    Raises OneTimeCodeError when the number asked for too many codes in the last hour,
    counted the same for every number.
    """
    now = now or timezone.now()
    recent = OneTimeCode.objects.filter(
        phone=phone, created_at__gt=now - datetime.timedelta(hours=1)
    ).count()
    if recent >= settings.ONE_TIME_CODES_PER_HOUR:
        raise OneTimeCodeError(TOO_MANY_CODES)
    code = f"{secrets.randbelow(10**6):06d}"
    minutes = settings.ONE_TIME_CODE_MINUTES
    OneTimeCode.objects.create(
        phone=phone,
        code_hash=_hash(phone, code),
        expires_at=now + datetime.timedelta(minutes=minutes),
    )
    participant = Participant.objects.filter(phone=phone).order_by("-created_at").first()
    if participant is not None:
        tell_code(phone=phone, code=code, language=participant.language, minutes=minutes)


def code_verify(*, phone: str, code: str, now: datetime.datetime | None = None) -> None:
    """Use the phone's newest code; raise OneTimeCodeError when it does not open.

    A wrong try is counted even though the error is raised, so the transaction ends
    before raising.
    """
    now = now or timezone.now()
    with transaction.atomic():
        current = (
            OneTimeCode.objects.select_for_update().filter(phone=phone).order_by("-pk").first()
        )
        if current is None or not _usable(current, now):
            error = CODE_ENDED
        elif constant_time_compare(current.code_hash, _hash(phone, code.strip())):
            current.used_at = now
            current.save(update_fields=["used_at"])
            return
        else:
            current.attempts += 1
            current.save(update_fields=["attempts"])
            error = CODE_WRONG if _usable(current, now) else CODE_ENDED
    raise OneTimeCodeError(error, field="code")


def _usable(code: OneTimeCode, now: datetime.datetime) -> bool:
    return (
        code.used_at is None
        and code.expires_at > now
        and code.attempts < settings.ONE_TIME_CODE_ATTEMPTS
    )
