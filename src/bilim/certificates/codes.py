"""The short code printed on a certificate, read aloud and typed by hand.

Crockford's base32 (bilim.web.codes): ten characters (50 random bits) printed in two
groups of five: K7M2Q-9QXD4.
"""

from bilim.web.codes import ALPHABET, random_code, typed_code_clean

__all__ = ["ALPHABET", "LENGTH", "new_short_code", "short_code_clean", "short_code_display"]

LENGTH = 10
GROUP = 5


def new_short_code() -> str:
    """Return a fresh random code, stored without its hyphen."""
    return random_code(LENGTH)


def short_code_clean(typed: str) -> str | None:
    """Return the stored form of a typed code, or None when it cannot be one."""
    return typed_code_clean(typed, length=LENGTH)


def short_code_display(code: str) -> str:
    """Return the code as printed: K7M2Q-9QXD4."""
    return f"{code[:GROUP]}-{code[GROUP:]}"
