"""The short code printed on a certificate, read aloud and typed by hand.

Crockford's base32: digits and capital letters without I, L, O and U, so what is typed
can be read back whatever the case, and 0/O or 1/I/l mix-ups still find the certificate.
Ten characters (50 random bits) printed in two groups of five: K7M2Q-9QXD4.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 10
GROUP = 5
# The letters people write for the digits they look like.
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
# Spaces and every kind of dash a phone keyboard offers.
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―]+")


def new_short_code() -> str:
    """Return a fresh random code, stored without its hyphen."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def short_code_clean(typed: str) -> str | None:
    """Return the stored form of a typed code, or None when it cannot be one."""
    code = _SEPARATORS.sub("", typed).upper().translate(_LOOK_ALIKES)
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code


def short_code_display(code: str) -> str:
    """Return the code as printed: K7M2Q-9QXD4."""
    return f"{code[:GROUP]}-{code[GROUP:]}"
