"""SMS texts are cut to fit a phone: readable words, the cheap alphabet kept, two parts at most."""

import re

import pytest

from bilim.notifications.sms import gsm7, segments
from bilim.notifications.sms_fit import sms_fit

LINK = "https://bilim.example.kg/m/abcd2345"


def test_a_short_text_is_left_whole():
    text = sms_fit("Вы записаны: %(title)s. %(link)s", {"title": "Шахматы", "link": LINK})
    assert text == f"Вы записаны: Шахматы. {LINK}"


@pytest.mark.parametrize("length", [80, 200, 2000])
def test_a_title_of_any_length_never_takes_more_than_two_parts(length):
    title = "Цифровая грамотность " * (length // 21 + 1)
    text = sms_fit(
        "Вы записаны: %(title)s, %(when)s. %(link)s",
        {"title": title[:length], "when": "08.12 14:30", "link": LINK},
    )
    assert segments(text) == 2
    assert text.endswith(LINK)  # the link is never cut
    assert "…" in text


def test_one_part_when_the_cut_title_keeps_a_few_words():
    text = sms_fit(
        "%(title)s: занятие %(when)s отменено.",
        {"title": "Круглый стол: «Кыргыз жараны» — традиции и ценности", "when": "08.12 14:30"},
    )
    assert segments(text) == 1
    assert text == "Круглый стол: «Кыргыз жараны»…: занятие 08.12 14:30 отменено."


def test_a_cut_ends_between_words():
    values = {
        "title": "Цифровая грамотность 50+: дружим с телефоном и интернетом",
        "when": "08.12 14:30",
        "place": "Ленинский район: центр гражданского и цифрового образования",
    }
    template = "Напоминание: %(title)s, %(when)s, %(place)s."
    text = sms_fit(template, values, shorten=("title", "place"))
    assert segments(text) == 1
    whole_words = set(re.findall(r"\w+", template % values))
    assert set(re.findall(r"\w+", text)) <= whole_words  # no word is cut in the middle
    assert not text.endswith("….")


def test_latin_text_is_cut_with_dots_and_keeps_the_cheap_alphabet():
    title = "Digital literacy 50+: making friends with your phone and the internet " * 3
    text = sms_fit("You are registered: %(title)s. %(link)s", {"title": title, "link": LINK})
    assert gsm7(text)  # "…" would make it Unicode: 70 characters a part instead of 160
    assert "..." in text
    assert segments(text) == 1
