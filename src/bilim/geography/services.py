"""Writes to the administrative units: they come only from the file shipped in the repo."""

import csv
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import transaction

from .models import District, Region

UNITS_FILE = Path(__file__).resolve().parent / "data" / "admin_units.csv"


@dataclass(frozen=True)
class SyncResult:
    regions: int
    districts: int


def _names(row: dict[str, str]) -> dict[str, str]:
    return {"name_ky": row["name_ky"], "name_ru": row["name_ru"], "name_en": row["name_en"]}


def _numbers(row: dict[str, str]) -> dict[str, object]:
    return {
        "latitude": Decimal(row["lat"]),
        "longitude": Decimal(row["lon"]),
        "population": int(row["population"]) if row["population"] else None,
        "population_year": int(row["population_year"]) if row["population_year"] else None,
        "note": row["note"],
    }


@transaction.atomic
def geography_sync(*, path: Path = UNITS_FILE) -> SyncResult:
    """Create or update every region and district from the shipped units file.

    Idempotent. A city of republican significance without sub-units in the file
    (Osh) becomes a single district of its own, so every region can be chosen down
    to the district level.
    """
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    regions: dict[str, Region] = {}
    for row in rows:
        if row["parent_code"]:
            continue
        kind = Region.Kind.CITY if row["level"] == "city" else Region.Kind.OBLAST
        regions[row["code"]], _ = Region.objects.update_or_create(
            code=row["code"], defaults={"kind": kind, **_names(row), **_numbers(row)}
        )
    district_kinds = {
        "raion": District.Kind.RAION,
        "city": District.Kind.CITY,
        "city_district": District.Kind.CITY_DISTRICT,
    }
    with_districts: set[str] = set()
    count = 0
    for row in rows:
        if not row["parent_code"]:
            continue
        District.objects.update_or_create(
            code=row["code"],
            defaults={
                "region": regions[row["parent_code"]],
                "kind": district_kinds[row["level"]],
                **_names(row),
                **_numbers(row),
            },
        )
        with_districts.add(row["parent_code"])
        count += 1
    for row in rows:
        if not row["parent_code"] and row["code"] not in with_districts:
            District.objects.update_or_create(
                code=row["code"],
                defaults={
                    "region": regions[row["code"]],
                    "kind": District.Kind.CITY,
                    **_names(row),
                    **_numbers(row),
                },
            )
            count += 1
    return SyncResult(regions=len(regions), districts=count)
