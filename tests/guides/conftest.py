import datetime

import pytest
from django.utils import timezone, translation

from bilim.guides.models import Guide
from bilim.guides.services import GuideFields, guide_create
from bilim.helpdesk.models import ServiceCategory
from bilim.helpdesk.reference import categories_ensure


@pytest.fixture(autouse=True)
def _categories(db):
    """The seeded service categories, also after a transactional test flushed them."""
    categories_ensure()
    with translation.override("en"):
        yield


def category(code: str = "e-signature") -> ServiceCategory:
    return ServiceCategory.objects.get(code=code)


def fields(**changes) -> GuideFields:
    """A complete guide in ky, ru and en; `changes` replace any part."""
    values = {
        "category": category(),
        "titles": {
            "ky": "Булуттагы кол тамга алуу",
            "ru": "Получить облачную подпись",
            "en": "Get a cloud signature",
        },
        "summaries": {
            "ky": "Кол тамга акысыз берилет.",
            "ru": "Подпись выдают бесплатно.",
            "en": "The signature is free.",
        },
        "bodies": {
            "ky": "1. Паспортуңузду алыңыз.\n2. Борборго келиңиз.",
            "ru": "1. Возьмите паспорт.\n2. Придите в центр.",
            "en": "1. Take your passport.\n2. Come to a center.",
        },
        "documents": {"ky": "Паспорт", "ru": "Паспорт", "en": "Passport"},
        "official_url": "https://esia.tunduk.kg/",
        "checked_on": timezone.localdate(),
        "published": True,
    }
    values.update(changes)
    return GuideFields(**values)


def make_guide(slug: str = "", user=None, **changes) -> Guide:
    return guide_create(fields=fields(**changes), user=user, slug=slug)


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)
