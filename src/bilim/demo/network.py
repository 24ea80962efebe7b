"""Build the demo network: synthetic, deterministic, and idempotent.

Partners and the launch catalog come from the JSON files beside this module
(written from the founding announcement); the 70 centers are spread over the
regions in proportion to population; one login per role. No real person's data.
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from bilim.accounts.models import Role, User
from bilim.accounts.services import role_assign, user_create
from bilim.centers.models import Center
from bilim.centers.services import (
    ACCESSIBILITY_FEATURES,
    center_set_week,
    center_staff_assign,
    center_upsert,
    room_upsert,
)
from bilim.demo.activity import load_agreements, load_offerings
from bilim.demo.certificates import load_finished_group
from bilim.demo.files import load_json
from bilim.demo.guides import load_demo_guides
from bilim.demo.helpdesk import load_consultations
from bilim.demo.today import load_today
from bilim.demo.walkins import load_walkins
from bilim.geography.models import District, Region
from bilim.geography.services import geography_sync
from bilim.partners.models import Partner
from bilim.partners.reference import directions_ensure
from bilim.partners.services import (
    partner_upsert,
)
from bilim.programs.models import Program
from bilim.programs.reference import audiences_ensure
from bilim.programs.services import program_upsert, theme_upsert

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
    for item in load_json("partners.json"):
        partner_upsert(
            slug=item["slug"],
            kind=item["kind"],
            names=item["name"],
            directions=item["directions"],
            website=item.get("website", ""),
        )
    for item in load_json("themes.json"):
        theme_upsert(code=item["code"], names=item["name"])
    for item in load_json("programs.json"):
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
    load_finished_group(today=timezone.localdate())
    load_consultations(centers)
    load_walkins()
    load_demo_guides(today=timezone.localdate())
    load_today(now=timezone.now())
