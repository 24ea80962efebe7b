"""Factories of the partners app, with Kyrgyz and Russian names."""

import datetime
import io
from decimal import Decimal

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from factory.django import DjangoModelFactory
from PIL import Image

from bilim.partners.models import Agreement, Contribution, PartnershipApplication
from tests.factories import PartnerFactory


class AgreementFactory(DjangoModelFactory):
    class Meta:
        model = Agreement

    partner = factory.SubFactory(PartnerFactory)
    kind = Agreement.Kind.MEMORANDUM
    number = factory.Sequence(lambda n: f"M-{n:03d}")
    signed_on = datetime.date(2025, 3, 1)
    valid_until = datetime.date(2027, 3, 1)
    scope_ky = "Жарандык билим берүү боюнча тренингдер"
    scope_ru = "Тренинги по гражданскому образованию"
    scope_en = "Civic education trainings"
    scope = factory.SelfAttribute("scope_ky")


class ContributionFactory(DjangoModelFactory):
    class Meta:
        model = Contribution

    partner = factory.SubFactory(PartnerFactory)
    kind = Contribution.Kind.FUNDING
    year = 2026
    description_ky = "Борборлорго компьютерлер"
    description_ru = "Компьютеры для центров"
    description_en = "Computers for the centers"
    description = factory.SelfAttribute("description_ky")
    amount = Decimal("150000.00")
    currency = Contribution.Currency.KGS


class ApplicationFactory(DjangoModelFactory):
    class Meta:
        model = PartnershipApplication
        skip_postgeneration_save = True

    organisation = factory.Sequence(lambda n: f"«Жаштар демилгеси» коомдук бирикмеси {n}")
    kind = "civil_society"
    contact_name = factory.Iterator(["Айгүл Осмонова", "Сергей Ким", "Нургүл Асанова"])
    email = factory.Sequence(lambda n: f"contact{n}@jashtar.kg")
    phone = "+996 555 123 456"
    offer = "Тренерлер жана окуу материалдары."
    language = "ky"
    status = PartnershipApplication.Status.RECEIVED
    # An accepted application always has its partner record (a database rule).
    partner = factory.Maybe(
        factory.LazyAttribute(lambda o: o.status == PartnershipApplication.Status.ACCEPTED),
        yes_declaration=factory.SubFactory(PartnerFactory),
        no_declaration=None,
    )

    @factory.post_generation
    def directions(self, create, extracted, **kwargs):
        from bilim.partners.models import Direction

        if create:
            self.directions.set(extracted or Direction.objects.filter(code="civic"))


def png_upload(name: str = "logo.png", size: tuple[int, int] = (40, 40)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 83, 148)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf_upload(name: str = "signed.pdf") -> SimpleUploadedFile:
    body = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    return SimpleUploadedFile(name, body, content_type="application/pdf")
