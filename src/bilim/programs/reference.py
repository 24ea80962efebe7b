"""Target audiences every installation starts with; the national office may add more."""

from django.db import transaction

from .models import Audience

AUDIENCES = [
    ("all", "Бардык жарандар", "Все граждане", "All citizens"),
    ("youth", "Жаштар", "Молодёжь", "Young people"),
    ("elderly", "Улгайган адамдар", "Пожилые люди", "Older people"),
    ("women", "Аялдар", "Женщины", "Women"),
    (
        "disability",
        "Майыптыгы бар адамдар",
        "Лица с инвалидностью",
        "Persons with disabilities",
    ),
]


@transaction.atomic
def audiences_ensure() -> None:
    """Create the starting audiences if missing (names the office edited are kept)."""
    for code, ky, ru, en in AUDIENCES:
        Audience.objects.get_or_create(
            code=code, defaults={"name": ky, "name_ky": ky, "name_ru": ru, "name_en": en}
        )
