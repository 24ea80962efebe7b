"""SQLite compares letters case-insensitively only in ASCII: «ПРАВА» would not find
«Права». On SQLite connections, LIKE is replaced with one that folds Kyrgyz and
Russian letters too, so searches behave as they do on PostgreSQL."""

import functools
import re
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper


@functools.lru_cache(maxsize=512)
def _pattern(like: str, escape: str | None) -> re.Pattern[str]:
    parts = []
    chars = iter(like)
    for char in chars:
        if escape and char == escape:
            parts.append(re.escape(next(chars, "")))
        elif char == "%":
            parts.append(".*")
        elif char == "_":
            parts.append(".")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def _like(like: str | None, value: Any, escape: str | None = None) -> bool | None:
    if like is None or value is None:
        return None
    return _pattern(like, escape).fullmatch(str(value)) is not None


def unicode_like(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """Install the Unicode-aware LIKE on a new SQLite connection."""
    if connection.vendor != "sqlite":
        return
    raw = connection.connection
    raw.create_function("like", 2, _like, deterministic=True)
    raw.create_function("like", 3, _like, deterministic=True)
