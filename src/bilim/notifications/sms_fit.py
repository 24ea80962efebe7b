"""SMS that fit a phone: one segment where the text stays readable, never more than two.

A person pays nothing, but the network pays per segment, and a message split in three or
more arrives out of order on cheap phones. Program titles and center names are the long
parts (up to 70 characters in the demo); they are cut with an ellipsis as needed.
"""

import datetime
from collections.abc import Mapping, Sequence

from django.utils import timezone
from django.utils.formats import date_format

from .sms import gsm7, segments

# The most segments an SMS may take: 134 Cyrillic characters, 306 Latin ones.
MAX_SEGMENTS = 2
# Cut shorter than this (a word or two), a title or a place no longer says which group the
# message is about: rather two segments with it readable than one with a stub.
READABLE = 15


def sms_when(moment: datetime.datetime) -> str:
    """Return the local day, month and time, "08.12 14:30": the year only costs characters."""
    return date_format(timezone.localtime(moment), "d.m H:i")


# A cut ends at a word boundary when one is this close: "жарандык жана…", not "жана с…".
WORD = 12


def _cut(value: str, length: int, ellipsis: str) -> str:
    if len(value) <= length:
        return value
    keep = value[: max(length - len(ellipsis), 1)]
    if not value[len(keep)].isspace() and " " in keep[-WORD:]:
        keep = keep[: keep.rindex(" ")]
    return keep.rstrip(" ,.:;-—«(\"'") + ellipsis


def _shortened(
    template: str,
    values: dict[str, str],
    shorten: Sequence[str],
    *,
    budget: int,
    floor: int,
) -> str | None:
    """Return the text cut to `budget` segments, each cut value keeping `floor` characters."""
    ellipsis = "..." if gsm7(template % values) else "…"
    lengths = {name: len(values[name]) for name in shorten}
    while True:
        cut = {name: _cut(values[name], lengths[name], ellipsis) for name in shorten}
        # "…." reads as a stray dot after the ellipsis.
        text = (template % {**values, **cut}).replace(ellipsis + ".", ellipsis)
        if segments(text) <= budget:
            return text
        can_cut = [
            name
            for name in shorten
            if len(_cut(values[name], lengths[name] - 1, ellipsis)) - len(ellipsis) >= floor
        ]
        if not can_cut:
            return None
        # The longest value gives first: a title and a place end up cut alike.
        lengths[max(can_cut, key=lambda name: len(cut[name]))] -= 1


def sms_fit(
    template: str, values: Mapping[str, object], *, shorten: Sequence[str] = ("title",)
) -> str:
    """Return the template filled in, the `shorten` values cut with "…" to fit the phone.

    One segment when each cut value keeps READABLE characters, else two, with as much of
    the values as two segments hold.
    """
    full = {name: str(value) for name, value in values.items()}
    text = template % full
    shorten = [name for name in shorten if f"%({name})s" in template]
    if segments(text) == 1 or not shorten:
        return text
    one = _shortened(template, full, shorten, budget=1, floor=READABLE)
    if one is not None:
        return one
    return _shortened(template, full, shorten, budget=MAX_SEGMENTS, floor=1) or text
