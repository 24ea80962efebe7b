"""Does a surname typed by whoever checks a certificate match the name printed on it?

Names are printed as the person typed them: "Айгүл Өмүрбекова", but also surname first
("Иванова Ольга Петровна") or with a patronymic surname ("Нурлан Асанбек уулу"). So the
typed surname must be the word(s) at either end of the printed name. Capitals do not
matter, nor the Kyrgyz letters a Russian keyboard lacks (ө ү ң typed as о у н), nor ё.
"уулу" or "кызы" alone matches nothing: half the country's names end with them.
"""

import re

_FOLD = str.maketrans({"ө": "о", "ү": "у", "ң": "н", "ё": "е", "’": "'", "ʼ": "'"})
_PARTICLES = {"уулу", "кызы", "улы", "uulu", "kyzy"}


def _words(text: str) -> list[str]:
    return re.sub(r"[\s.,]+", " ", text.casefold().translate(_FOLD)).split()


def surname_matches(*, name: str, surname: str) -> bool:
    """Return whether ``surname`` is the first or last word(s) of the printed ``name``."""
    printed, typed = _words(name), _words(surname)
    if not typed or len(typed) > len(printed) or set(typed) <= _PARTICLES:
        return False
    return printed[: len(typed)] == typed or printed[-len(typed) :] == typed
