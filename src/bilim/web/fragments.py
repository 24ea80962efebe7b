"""Public page parts that are the same for every visitor, kept rendered for a while.

A village phone on a slow link and a national office under load see the same page;
rendering it once a minute instead of on every request keeps the site fast. Keys are
per language; what is cached must be picklable (strings, small dicts).
"""

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache
from django.utils import translation

T = TypeVar("T")
PUBLIC_PART_SECONDS = 60


def cached_part(key: str, compute: Callable[[], T], timeout: int = PUBLIC_PART_SECONDS) -> T:
    """Return what is cached under `key` for the current language, computing it on a miss."""
    full_key = f"part:{translation.get_language()}:{key}"
    value: T | None = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, timeout)
    return value
