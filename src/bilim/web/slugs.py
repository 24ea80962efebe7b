"""Short codes for addresses, made from Kyrgyz or Russian names."""

from collections.abc import Collection

from django.db.models import Model, QuerySet
from django.utils.text import slugify

# Kyrgyz and Russian letters in Latin, as on signs and in passports (ж → j, ң → ng).
_CYRILLIC_TO_LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "j",
        "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "ң": "ng",
        "о": "o", "ө": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ү": "u",
        "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
        "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    }
)  # fmt: skip


def free_slug(
    text: str,
    *,
    queryset: "QuerySet[Model]",
    field: str,
    reserved: Collection[str] = (),
    default: str,
    length: int = 50,
) -> str:
    """Return a code made from `text` (transliterated, lower-case) that no row uses yet."""
    latin = slugify(text.lower().translate(_CYRILLIC_TO_LATIN))
    base = latin[:length].strip("-") or default
    taken = set(reserved) | set(
        queryset.filter(**{f"{field}__startswith": base}).values_list(field, flat=True)
    )
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
