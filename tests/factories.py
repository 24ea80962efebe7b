"""factory_boy factories with Kyrgyz and Russian names."""

from decimal import Decimal

import factory
from factory.django import DjangoModelFactory

from bilim.accounts.models import Role, RoleAssignment, User
from bilim.centers.models import Center, Room
from bilim.geography.models import District, Region
from bilim.partners.models import Direction, Partner
from bilim.programs.models import Program

KY_FIRST = ["Айгүл", "Бакыт", "Нургүл", "Эрмек", "Жылдыз", "Төлөн", "Гүлзат", "Сүйүнбек"]
RU_FIRST = ["Ольга", "Сергей", "Марина", "Алексей"]
LAST = ["Осмонова", "Жумабеков", "Асанова", "Токтосунов", "Иванова", "Ким", "Бекова"]


class RegionFactory(DjangoModelFactory[Region]):
    class Meta:
        model = Region
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"4179{n:010d}")
    kind = Region.Kind.OBLAST
    name_ky = factory.Sequence(lambda n: f"Сыноо облусу {n}")
    name_ru = factory.Sequence(lambda n: f"Тестовая область {n}")
    name_en = factory.Sequence(lambda n: f"Test Region {n}")
    name = factory.SelfAttribute("name_ky")
    latitude = Decimal("42.00000")
    longitude = Decimal("75.00000")
    population = 500_000


class DistrictFactory(DjangoModelFactory[District]):
    class Meta:
        model = District
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"4178{n:010d}")
    region = factory.SubFactory(RegionFactory)
    kind = District.Kind.RAION
    name_ky = factory.Sequence(lambda n: f"Сыноо району {n}")
    name_ru = factory.Sequence(lambda n: f"Тестовый район {n}")
    name_en = factory.Sequence(lambda n: f"Test District {n}")
    name = factory.SelfAttribute("name_ky")
    latitude = Decimal("42.10000")
    longitude = Decimal("75.10000")
    population = 80_000


class CenterFactory(DjangoModelFactory[Center]):
    class Meta:
        model = Center

    code = factory.Sequence(lambda n: f"t{n:04d}")
    name_ky = factory.Sequence(lambda n: f"Сыноо борбору {n}")
    name_ru = factory.Sequence(lambda n: f"Тестовый центр {n}")
    name_en = factory.Sequence(lambda n: f"Test Center {n}")
    name = factory.SelfAttribute("name_ky")
    address_ky = "Манас көчөсү, 1"
    address_ru = "ул. Манаса, 1"
    address_en = "1 Manas St."
    address = factory.SelfAttribute("address_ky")
    district = factory.SubFactory(DistrictFactory)
    latitude = Decimal("42.10000")
    longitude = Decimal("75.10000")
    status = Center.Status.OPEN


class RoomFactory(DjangoModelFactory[Room]):
    class Meta:
        model = Room

    center = factory.SubFactory(CenterFactory)
    name_ky = factory.Sequence(lambda n: f"Окуу залы {n}")
    name_ru = factory.Sequence(lambda n: f"Учебный зал {n}")
    name_en = factory.Sequence(lambda n: f"Training room {n}")
    name = factory.SelfAttribute("name_ky")
    capacity = 20


class DirectionFactory(DjangoModelFactory[Direction]):
    class Meta:
        model = Direction
        django_get_or_create = ("code",)

    code = Direction.CIVIC
    name_ky = "Жарандык билим берүү"
    name_ru = "Гражданское образование"
    name_en = "Civic education"
    name = factory.SelfAttribute("name_ky")


class PartnerFactory(DjangoModelFactory[Partner]):
    class Meta:
        model = Partner

    slug = factory.Sequence(lambda n: f"partner-{n}")
    name_ky = factory.Sequence(lambda n: f"Өнөктөш уюм {n}")
    name_ru = factory.Sequence(lambda n: f"Организация-партнёр {n}")
    name_en = factory.Sequence(lambda n: f"Partner organisation {n}")
    name = factory.SelfAttribute("name_ky")
    kind = Partner.Kind.CIVIL_SOCIETY


class ProgramFactory(DjangoModelFactory[Program]):
    class Meta:
        model = Program

    code = factory.Sequence(lambda n: f"program-{n}")
    title_ky = factory.Sequence(lambda n: f"Санариптик сабаттуулук {n}")
    title_ru = factory.Sequence(lambda n: f"Цифровая грамотность {n}")
    title_en = factory.Sequence(lambda n: f"Digital literacy {n}")
    title = factory.SelfAttribute("title_ky")
    summary_ky = "Телефон менен мамлекеттик кызматтарды колдонууну үйрөнөбүз."
    summary_ru = "Учимся пользоваться государственными услугами с телефона."
    summary_en = "Learn to use state services from your phone."
    summary = factory.SelfAttribute("summary_ky")
    direction = factory.SubFactory(DirectionFactory)
    activity_type = Program.ActivityType.COURSE
    session_count = 4
    hours = Decimal("6.0")
    languages = ["ky", "ru"]
    status = Program.Status.PUBLISHED


class UserFactory(DjangoModelFactory[User]):
    class Meta:
        model = User
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Iterator(KY_FIRST + RU_FIRST)
    last_name = factory.Iterator(LAST)
    password = factory.django.Password("correct horse battery")


class RoleAssignmentFactory(DjangoModelFactory[RoleAssignment]):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = Role.NATIONAL
