"""Codes people read aloud and type by hand: Crockford's base32.

Digits and capital letters without I, L, O and U, so what is typed can be read back
whatever the case, and the letters people write for the digits they look like (O for 0,
I or L for 1) still find the code. Used by the certificate's short code and the short
link in SMS.
"""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# The letters people write for the digits they look like.
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1"})
# Spaces and every kind of dash a phone keyboard offers.
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—―]+")


def random_code(length: int) -> str:
    """Return `length` random characters of the alphabet (5 bits each), in capitals."""
    return "".join(secrets.choice(ALPHABET) for _ in range(length))


def typed_code_clean(typed: str, *, length: int) -> str | None:
    """Return a typed code in capitals, look-alikes read as digits, or None if it is not one."""
    code = _SEPARATORS.sub("", typed).upper().translate(_LOOK_ALIKES)
    if len(code) != length or any(char not in ALPHABET for char in code):
        return None
    return code
