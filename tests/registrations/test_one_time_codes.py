"""Codes by SMS that open a person's registrations: sent once, short-lived, hard to guess."""

import datetime
import re

import pytest
from django.utils import timezone, translation

from bilim.notifications.models import Message
from bilim.registrations.models import OneTimeCode, Participant
from bilim.registrations.one_time_codes import (
    CODE_ENDED,
    CODE_WRONG,
    TOO_MANY_CODES,
    OneTimeCodeError,
    code_send,
    code_verify,
)

PHONE = "+996555123456"


@pytest.fixture
def person(db):
    return Participant.objects.create(
        name="Айгүл Осмонова", name_key="айгүл осмонова", phone=PHONE, sex="female", language="ky"
    )


def sent_code(phone=PHONE):
    """The code of the newest SMS to the phone, as the person reads it."""
    body = Message.objects.filter(recipient=phone, kind="one-time-code").latest("pk").body
    found = re.search(r"\b(\d{6})\b", body)
    assert found is not None
    return found.group(1)


def test_a_known_phone_gets_the_code_by_sms_in_the_persons_language(person):
    code_send(phone=PHONE)
    message = Message.objects.get(kind="one-time-code")
    assert (message.channel, message.recipient, message.language) == ("sms", PHONE, "ky")
    with translation.override("ky"):
        expected = translation.gettext(
            "Bilim: your code is %(code)s. It is valid for %(minutes)s minutes. "
            "Do not tell it to anyone."
        ) % {"code": sent_code(), "minutes": 10}
    assert message.body == expected


def test_only_a_hash_of_the_code_is_kept(person):
    code_send(phone=PHONE)
    stored = OneTimeCode.objects.get()
    assert sent_code() not in stored.code_hash
    assert len(stored.code_hash) == 64


def test_the_right_code_opens_once(person):
    code_send(phone=PHONE)
    code = sent_code()
    code_verify(phone=PHONE, code=code)
    with pytest.raises(OneTimeCodeError) as again:
        code_verify(phone=PHONE, code=code)
    assert again.value.message == str(CODE_ENDED)


def test_a_code_ends_after_ten_minutes(person):
    code_send(phone=PHONE)
    later = timezone.now() + datetime.timedelta(minutes=10, seconds=1)
    with pytest.raises(OneTimeCodeError) as error:
        code_verify(phone=PHONE, code=sent_code(), now=later)
    assert error.value.message == str(CODE_ENDED)


def test_five_wrong_tries_end_the_code_even_the_right_one_after(person):
    code_send(phone=PHONE)
    code = sent_code()
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    answers = []
    for _ in range(5):
        with pytest.raises(OneTimeCodeError) as error:
            code_verify(phone=PHONE, code=wrong)
        answers.append(error.value.message)
    assert answers == [str(CODE_WRONG)] * 4 + [str(CODE_ENDED)]
    assert OneTimeCode.objects.get().attempts == 5
    with pytest.raises(OneTimeCodeError):
        code_verify(phone=PHONE, code=code)


def test_only_the_newest_code_counts(person):
    code_send(phone=PHONE)
    first = sent_code()
    code_send(phone=PHONE)
    second = sent_code()
    if first != second:
        with pytest.raises(OneTimeCodeError):
            code_verify(phone=PHONE, code=first)
    code_verify(phone=PHONE, code=second)


def test_three_codes_an_hour_per_phone(person):
    for _ in range(3):
        code_send(phone=PHONE)
    with pytest.raises(OneTimeCodeError) as error:
        code_send(phone=PHONE)
    assert error.value.message == str(TOO_MANY_CODES)
    assert Message.objects.filter(kind="one-time-code").count() == 3
    # An hour later the person may ask again.
    code_send(phone=PHONE, now=timezone.now() + datetime.timedelta(hours=1, seconds=1))
    assert Message.objects.filter(kind="one-time-code").count() == 4


def test_an_unknown_phone_gets_no_sms_but_the_same_limits(db):
    stranger = "+996700000001"
    for _ in range(3):
        code_send(phone=stranger)
    assert not Message.objects.exists()
    with pytest.raises(OneTimeCodeError) as error:
        code_send(phone=stranger)
    assert error.value.message == str(TOO_MANY_CODES)


def test_a_code_opens_only_its_own_phone(person):
    other = "+996700000002"
    Participant.objects.create(
        name="Бакыт", name_key="бакыт", phone=other, sex="male", language="ru"
    )
    code_send(phone=PHONE)
    with pytest.raises(OneTimeCodeError):
        code_verify(phone=other, code=sent_code())
