"""Build the demo network: synthetic, deterministic, and idempotent.

Partners and the launch catalog come from the JSON files beside this module
(written from the founding announcement); the 70 centers are spread over the
regions in proportion to population; one login per role. No real person's data.
"""

import datetime
import json
import random
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from bilim.accounts.models import Role, RoleAssignment, User
from bilim.accounts.services import role_assign, user_create
from bilim.centers.models import Center
from bilim.centers.services import (
    ACCESSIBILITY_FEATURES,
    center_set_week,
    center_staff_assign,
    center_upsert,
    room_upsert,
)
from bilim.geography.models import District, Region
from bilim.geography.services import geography_sync
from bilim.partners.models import Direction, Partner, PartnershipApplication
from bilim.partners.reference import directions_ensure
from bilim.partners.services import (
    agreement_save,
    application_submit,
    contribution_save,
    partner_upsert,
)
from bilim.programs.models import Program
from bilim.programs.reference import audiences_ensure
from bilim.programs.services import program_upsert, theme_upsert
from bilim.scheduling.models import Offering
from bilim.scheduling.services import Series, offering_add_series, offering_create

DATA = Path(__file__).resolve().parent / "data"
CENTER_COUNT = 70
DEMO_PASSWORD = "bilim-demo"  # noqa: S105 - printed on purpose: these are demo logins

# Monday to Friday with a lunch break, Saturday morning.
WEEK = [
    *((day, datetime.time(9), datetime.time(12, 30)) for day in range(5)),
    *((day, datetime.time(13, 30), datetime.time(18)) for day in range(5)),
    (5, datetime.time(10), datetime.time(14)),
]
AREA_CODES = ["312", "3922", "3222", "3722", "3522", "3422", "3622"]
STREETS = [
    ("Манас көчөсү", "ул. Манаса", "Manas St."),
    ("Токтогул көчөсү", "ул. Токтогула", "Toktogul St."),
    ("Чыңгыз Айтматов көчөсү", "ул. Чингиза Айтматова", "Chyngyz Aitmatov St."),
    ("Жибек Жолу көчөсү", "ул. Жибек Жолу", "Jibek Jolu St."),
    ("Абдрахманов көчөсү", "ул. Абдрахманова", "Abdrakhmanov St."),
    ("Курманжан Датка көчөсү", "ул. Курманжан Датки", "Kurmanjan Datka St."),
]
ROOMS = [
    (
        {"ky": "Окуу залы", "ru": "Учебный зал", "en": "Training room"},
        (20, 30),
        {"ky": "проектор, экран", "ru": "проектор, экран", "en": "projector, screen"},
    ),
    (
        {"ky": "Компьютер классы", "ru": "Компьютерный класс", "en": "Computer room"},
        (10, 15),
        {"ky": "компьютерлер, интернет", "ru": "компьютеры, интернет", "en": "computers, internet"},
    ),
    (
        {"ky": "Коворкинг", "ru": "Коворкинг", "en": "Coworking space"},
        (15, 40),
        {
            "ky": "тегерек стол, микрофон",
            "ru": "круглый стол, микрофон",
            "en": "round table, microphone",
        },
    ),
]


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: Role
    scope: str


def _load(name: str) -> Any:
    """Return the parsed JSON file `name` from the demo data directory."""
    with (DATA / name).open(encoding="utf-8") as fh:
        return json.load(fh)


def allocate(total: int, weights: dict[str, float]) -> dict[str, int]:
    """Split `total` over keys in proportion to weights (largest remainder, ties by key)."""
    weight_sum = sum(weights.values())
    quotas = {k: total * w / weight_sum for k, w in weights.items()}
    shares = {k: int(q) for k, q in quotas.items()}
    rest = total - sum(shares.values())
    for key in sorted(quotas, key=lambda k: (shares[k] - quotas[k], k))[:rest]:
        shares[key] += 1
    return shares


def center_plan() -> list[tuple[District, int]]:
    """Return (district, number in district) for each demo center.

    Regions get centers in proportion to population, at least one each; within a
    region, districts by population (a district without a figure counts as the
    region's average district).
    """
    regions = {r.code: r for r in Region.objects.all()}
    per_region = allocate(
        CENTER_COUNT - len(regions), {c: r.population or 0 for c, r in regions.items()}
    )
    plan: list[tuple[District, int]] = []
    for code in sorted(regions):
        districts = list(District.objects.filter(region__code=code).order_by("code"))
        known = [d.population for d in districts if d.population]
        average = sum(known) / len(known) if known else 1
        weights = {d.code: float(d.population or average) for d in districts}
        by_code = {d.code: d for d in districts}
        shares = allocate(per_region[code] + 1, weights)
        for district_code in sorted(shares):
            for n in range(1, shares[district_code] + 1):
                plan.append((by_code[district_code], n))
    return plan


def _center_names(district: District, n: int) -> dict[str, str]:
    suffix = f" №{n}" if n > 1 else ""
    place = {lang: getattr(district, f"name_{lang}") for lang in ("ky", "ru", "en")}
    return {
        "ky": f"{place['ky']}: жарандык жана санариптик билим берүү борбору{suffix}",
        "ru": f"{place['ru']}: центр гражданского и цифрового образования{suffix}",
        "en": f"{place['en']}: Civic and Digital Education Center{suffix}",
    }


def load_centers() -> list[Center]:
    centers = []
    for index, (district, n) in enumerate(center_plan(), start=1):
        rng = random.Random(f"{district.code}-{n}")
        street = STREETS[rng.randrange(len(STREETS))]
        number = rng.randint(1, 180)
        features = frozenset(f for f in ACCESSIBILITY_FEATURES if rng.random() < 0.5)
        connectivity = rng.choice(list(Center.Connectivity.values))
        center = center_upsert(
            code=f"c{index:03d}",
            names=_center_names(district, n),
            addresses={
                "ky": f"{street[0]}, {number}",
                "ru": f"{street[1]}, {number}",
                "en": f"{number} {street[2]}",
            },
            district=district,
            latitude=(district.latitude + Decimal(rng.uniform(-0.02, 0.02))).quantize(
                Decimal("0.00001")
            ),
            longitude=(district.longitude + Decimal(rng.uniform(-0.02, 0.02))).quantize(
                Decimal("0.00001")
            ),
            status=Center.Status.OPEN,
            opened_on=datetime.date(2022, 9, 1) + datetime.timedelta(days=rng.randint(0, 700)),
            phone=f"+996 {rng.choice(AREA_CODES)} {rng.randint(100000, 999999)}",
            features=features,
            connectivity=connectivity,
            connection_speed_mbps=None
            if connectivity == "none"
            else rng.choice([5, 10, 20, 50, 100]),
        )
        center_set_week(center=center, periods=WEEK)
        for names, (low, high), equipment in ROOMS[: rng.randint(1, 3)]:
            room_upsert(
                center=center, names=names, capacity=rng.randint(low, high), equipment=equipment
            )
        centers.append(center)
    return centers


def load_catalog() -> None:
    for item in _load("partners.json"):
        partner_upsert(
            slug=item["slug"],
            kind=item["kind"],
            names=item["name"],
            directions=item["directions"],
            website=item.get("website", ""),
        )
    for item in _load("themes.json"):
        theme_upsert(code=item["code"], names=item["name"])
    for item in _load("programs.json"):
        program_upsert(
            code=item["code"],
            direction=item["direction"],
            activity_type=item["activity_type"],
            titles=item["title"],
            summaries=item["summary"],
            descriptions=item["description"],
            session_count=item["session_count"],
            hours=Decimal(str(item["hours"])),
            languages=item["languages"],
            themes=item["themes"],
            audiences=item["audiences"],
            lead_partner=item["lead_partner"],
            partners=item["partners"],
            certificate_min_attendance=item["certificate_min_attendance"],
            min_age=item["min_age"],
            status=Program.Status.PUBLISHED,
        )


def load_agreements(*, today: datetime.date) -> None:
    """Give a few partners agreements (one ending soon), contributions and one application.

    Only partners without any yet: re-running never duplicates them nor moves their dates.
    """
    data = _load("agreements.json")
    partners = Partner.objects.in_bulk(field_name="slug")
    for item in data["agreements"]:
        partner = partners[item["partner"]]
        if partner.agreements.exists():
            continue
        valid_for = item["valid_for_days"]
        agreement_save(
            partner=partner,
            kind=item["kind"],
            number=item["number"],
            signed_on=today - datetime.timedelta(days=item["signed_days_ago"]),
            valid_until=today + datetime.timedelta(days=valid_for) if valid_for else None,
            scopes=item["scope"],
        )
    for item in data["contributions"]:
        partner = partners[item["partner"]]
        if partner.contributions.exists():
            continue
        contribution_save(
            partner=partner,
            kind=item["kind"],
            year=today.year,
            descriptions=item["description"],
            amount=Decimal(item["amount"]) if item["amount"] else None,
            currency=item["currency"],
        )
    for item in data["applications"]:
        if PartnershipApplication.objects.filter(organisation=item["organisation"]).exists():
            continue
        application_submit(
            organisation=item["organisation"],
            kind=item["kind"],
            contact_name=item["contact_name"],
            email=item["email"],
            phone=item["phone"],
            offer=item["offer"],
            directions=Direction.objects.filter(code__in=item["directions"]),
            regions=Region.objects.filter(code__in=item["regions"]),
            language=item["language"],
        )


# (weekdays, start) of the two demo offerings a center runs: one in the morning, one late.
OFFERING_SLOTS = [
    (frozenset({1, 3}), datetime.time(10)),
    (frozenset({0, 2}), datetime.time(15, 30)),
]
ONLINE_STREAM = "https://meet.example.org/bilim-{code}"


def _series_for(
    program: Program, weekdays: frozenset[int], start: datetime.time, first_day: datetime.date
) -> Series:
    minutes = int(program.hours * 60 / program.session_count)
    ends = (
        datetime.datetime.combine(first_day, start) + datetime.timedelta(minutes=minutes)
    ).time()
    if program.session_count == 1:
        day = first_day + datetime.timedelta(days=(min(weekdays) - first_day.weekday()) % 7)
        return Series(day, day, frozenset({day.weekday()}), start, ends)
    weeks = -(-program.session_count // len(weekdays))
    return Series(
        first_day, first_day + datetime.timedelta(weeks=weeks, days=-1), weekdays, start, ends
    )


def load_offerings(centers: list[Center], *, today: datetime.date) -> None:
    """Give each center two offerings over the coming weeks, and the network three online ones.

    Only centers without offerings get them, so a second run adds nothing.
    """
    programs = list(Program.objects.filter(status=Program.Status.PUBLISHED).order_by("code"))
    facilitator = User.objects.filter(username="facilitator").first()
    facilitated = set(
        RoleAssignment.objects.filter(user=facilitator, role=Role.FACILITATOR).values_list(
            "center_id", flat=True
        )
    )
    for center in centers:
        if center.offerings.exists():
            continue
        rng = random.Random(f"offerings-{center.code}")
        rooms = list(center.rooms.order_by("pk"))
        for index, (weekdays, start) in enumerate(OFFERING_SLOTS):
            program = rng.choice(programs)
            room = rooms[index % len(rooms)]
            offering = offering_create(
                program=program,
                center=center,
                format=Offering.Format.OFFLINE,
                language=program.languages[index % len(program.languages)],
                capacity=min(room.capacity, 20),
                facilitators=[facilitator]
                if facilitator and index == 0 and center.pk in facilitated
                else [],
            )
            first_day = today + datetime.timedelta(days=rng.randint(1, 14))
            offering_add_series(
                offering=offering,
                series=_series_for(program, weekdays, start, first_day),
                room=room,
            )
    if Offering.objects.filter(center__isnull=True).exists():
        return
    for code in ("digital-literacy-50-plus", "personal-data", "it-careers-expert-meeting"):
        program = Program.objects.get(code=code)
        offering = offering_create(
            program=program, center=None, format=Offering.Format.ONLINE, language="ru", capacity=100
        )
        offering_add_series(
            offering=offering,
            series=_series_for(
                program, frozenset({4}), datetime.time(19), today + datetime.timedelta(days=2)
            ),
            stream_url=ONLINE_STREAM.format(code=code),
            open_to_everyone=True,
        )


STAFF = [
    # username, role, first name, last name
    ("national", Role.NATIONAL, "Айгүл", "Осмонова"),
    ("region", Role.REGION, "Бакыт", "Жумабеков"),
    ("center", Role.CENTER, "Нургүл", "Асанова"),
    ("facilitator", Role.FACILITATOR, "Эрлан", "Токтосунов"),
    ("partner", Role.PARTNER, "Мария", "Ким"),
    ("operator", Role.OPERATOR, "Жылдыз", "Бекова"),
    ("analyst", Role.ANALYST, "Тимур", "Сыдыков"),
]


def demo_logins() -> list[DemoLogin]:
    """Return the demo logins as they are in the database."""
    logins = []
    for username, role, *_ in STAFF:
        user = User.objects.filter(username=username).first()
        if user is None:
            continue
        assignment = user.role_assignments.select_related("region", "center", "partner").first()
        scope = ""
        if assignment is not None:
            target = assignment.region or assignment.center or assignment.partner
            scope = str(target) if target else ""
        logins.append(DemoLogin(username=username, role=role, scope=scope))
    return logins


def load_staff(centers: list[Center]) -> None:
    chuy = Region.objects.get(code="41708000000000")
    bishkek_center = next(c for c in centers if c.district.region.code == "41711000000000")
    lead = Partner.objects.filter(led_programs__isnull=False).order_by("slug").first()
    scopes: dict[Role, dict[str, int]] = {
        Role.REGION: {"region_id": chuy.pk},
        Role.CENTER: {"center_id": bishkek_center.pk},
        Role.PARTNER: {"partner_id": lead.pk} if lead else {},
    }
    for username, role, first, last in STAFF:
        user = User.objects.filter(username=username).first() or user_create(
            username=username, password=DEMO_PASSWORD, first_name=first, last_name=last
        )
        if role == Role.PARTNER and lead is None:
            continue
        if role == Role.FACILITATOR:
            center_staff_assign(center=bishkek_center, user=user, role=Role.FACILITATOR)
            continue
        role_assign(user=user, role=role, **scopes.get(role, {}))


@transaction.atomic
def load_demo_network() -> None:
    """Load (or bring up to date) the whole demo network."""
    geography_sync()
    directions_ensure()
    audiences_ensure()
    load_catalog()
    centers = load_centers()
    load_staff(centers)
    load_agreements(today=timezone.localdate())
    load_offerings(centers, today=timezone.localdate())
