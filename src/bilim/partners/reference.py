"""The network's four directions of work: reference data every installation has.

Seeded by a migration and re-ensured by `load_demo` and the tests, because a
flushed database (transactional tests, a restore) must not lose them.
"""

from django.db import transaction

from .models import Direction

DIRECTIONS = [
    (
        "civic",
        ("Жарандык билим берүү", "Гражданское образование", "Civic education"),
        (
            "«Кыргыз жараны» концепциясы, адам укуктары, шайлоо, коррупцияга каршы туруу "
            "жана улуттук салттар боюнча курстар жана жолугушуулар.",
            "Курсы и встречи о концепции «Кыргыз жараны», правах человека, выборах, "
            "противодействии коррупции и национальных традициях.",
            "Courses and meetings on the Kyrgyz Jarany concept, human rights, elections, "
            "anti-corruption and national traditions.",
        ),
    ),
    (
        "digital",
        ("Санариптик билим берүү", "Цифровое образование", "Digital education"),
        (
            "Санариптик сабаттуулук, жеке маалыматтарды коргоо, банк кызматтары, "
            "электрондук соода жана IT кесиптер.",
            "Цифровая грамотность, защита персональных данных, банковские услуги, "
            "электронная коммерция и IT-профессии.",
            "Digital literacy, personal data protection, banking, e-commerce and IT careers.",
        ),
    ),
    (
        "e-services",
        (
            "Мамлекеттик санариптик кызматтарга жардам",
            "Помощь с государственными цифровыми услугами",
            "Help with state e-services",
        ),
        (
            "Мамлекеттик порталда катталууга, булуттагы электрондук кол тамга, "
            "маалымкаттарды жана документтерди алууга жардам.",
            "Помощь с регистрацией на государственном портале, облачной электронной подписью, "
            "справками и документами.",
            "Help with the state portal account, the cloud electronic signature, "
            "certificates and documents.",
        ),
    ),
    (
        "community",
        (
            "Коммуникациялык аянтча (коворкинг)",
            "Коммуникационная площадка (коворкинг)",
            "Community space (coworking)",
        ),
        (
            "Тегерек столдор, дебат клубдары, эксперттер менен жолугушуулар "
            "жана аялдардын лидерлиги үчүн аянтча.",
            "Площадка для круглых столов, дебатных клубов, встреч с экспертами "
            "и продвижения женского лидерства.",
            "A space for round tables, debate clubs, meetings with experts and women's leadership.",
        ),
    ),
]


@transaction.atomic
def directions_ensure() -> None:
    """Create or refresh the four directions in their three languages."""
    for position, (code, names, descriptions) in enumerate(DIRECTIONS):
        Direction.objects.update_or_create(
            code=code,
            defaults={
                "position": position,
                "name": names[0],
                **{
                    f"name_{lang}": name
                    for lang, name in zip(("ky", "ru", "en"), names, strict=True)
                },
                "description": descriptions[0],
                **{
                    f"description_{lang}": text
                    for lang, text in zip(("ky", "ru", "en"), descriptions, strict=True)
                },
            },
        )
