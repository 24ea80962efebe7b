"""The service categories every installation starts with (DOMAIN-FACTS §3.2).

The national office may rename, reorder or retire them in the admin; `categories_ensure`
never overwrites what it edited.
"""

from django.db import transaction

from .models import ServiceCategory

# code, Kyrgyz, Russian, English
CATEGORIES = [
    (
        "criminal-record",
        "Соттолбогондугу тууралуу маалымкат",
        "Справка о несудимости",
        "Criminal-record certificate",
    ),
    (
        "id-card",
        "ID-картаны «Түндүк» тиркемеси аркылуу алмаштыруу",
        "Замена ID-карты через приложение «Түндүк»",
        "ID card exchange in the Tunduk app",
    ),
    (
        "travel-passport",
        "Чет өлкөгө чыгуучу паспорт",
        "Заграничный паспорт",
        "Foreign-travel passport",
    ),
    (
        "civil-status",
        "Жарандык абал актылары (ЗАГС): күбөлүктөр",
        "ЗАГС: записи и свидетельства",
        "Civil-status records and certificates",
    ),
    (
        "residence",
        "Жашаган жери боюнча каттоо (прописка)",
        "Прописка (регистрация по месту жительства)",
        "Residence registration",
    ),
    (
        "vehicle",
        "Унааны каттоо",
        "Регистрация транспортного средства",
        "Vehicle registration",
    ),
    (
        "property",
        "Кыймылсыз мүлктү каттоо жана көчүрмөлөр",
        "Регистрация недвижимости и выписки",
        "Property registration and extracts",
    ),
    (
        "e-signature",
        "Булуттагы электрондук кол тамга: алуу жана узартуу",
        "Облачная электронная подпись: выдача и продление",
        "Cloud e-signature: issue and renewal",
    ),
    (
        "portal-account",
        "Мамлекеттик порталга катталуу, ID-картанын PIN-коду",
        "Вход на госпортал (ЕСИ), PIN-код ID-карты",
        "State portal account and ID card PIN",
    ),
    (
        "social-fund",
        "Социалдык фонд: пенсия жана жеке кабинет",
        "Соцфонд: пенсия и личный кабинет",
        "Social Fund: pension and personal account",
    ),
    (
        "tax",
        "Салык кабинети жана декларация",
        "Налоговый кабинет и декларации",
        "Tax account and declarations",
    ),
    (
        "service-center",
        "ЦОНго кезек, документтин абалы, 119 телефону",
        "Очередь в ЦОН, статус документов, линия 119",
        "Public service center queue, document status, hotline 119",
    ),
    (
        "local-government",
        "Айыл өкмөтүнүн маалымкаттары (Санарип аймак)",
        "Справки айыл окмоту (Санарип аймак)",
        "Local-government certificates (Sanarip Aimak)",
    ),
    (
        "elections",
        "Шайлоочулардын тизмеси, шайлоо участогу, биометрикалык каттоо",
        "Списки избирателей, участок, биометрическая регистрация",
        "Voter list, polling station, biometric registration",
    ),
    (
        "social-services",
        "Жөлөкпул, мектепке, бала бакчага же дарыгерге жазылуу",
        "Пособия, запись в школу, детский сад или к врачу",
        "Benefits, school, kindergarten or doctor's appointments",
    ),
    ("other", "Башка суроо", "Другой вопрос", "Another question"),
]


@transaction.atomic
def categories_ensure() -> None:
    """Create the starting categories if missing (names the office edited are kept)."""
    for position, (code, ky, ru, en) in enumerate(CATEGORIES, start=1):
        ServiceCategory.objects.get_or_create(
            code=code,
            defaults={
                "name": ky,
                "name_ky": ky,
                "name_ru": ru,
                "name_en": en,
                "position": position * 10,
            },
        )
