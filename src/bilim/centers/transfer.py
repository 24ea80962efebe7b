"""Centers to and from spreadsheets (XLSX and CSV), the way the national office keeps them.

An import is checked whole before anything is written: every row's problems are
reported in plain words, and only a file without problems is imported, in one
transaction, so nothing is ever half-imported.
"""

import csv
import datetime
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import IO, Any

from django.db import transaction
from django.utils.translation import gettext as _

from bilim.core.errors import BilimError
from bilim.geography.models import District

from .errors import (
    COLUMNS_MISSING,
    FILE_EMPTY,
    FILE_HAS_PROBLEMS,
    NO_HEADER,
    NO_ROWS,
    NOT_UTF8,
    NOT_XLSX,
    TOO_MANY_ROWS,
)
from .models import Center
from .services import ACCESSIBILITY_FEATURES, center_upsert

LANGS = ("ky", "ru", "en")
COLUMNS = (
    "code",
    "name_ky",
    "name_ru",
    "name_en",
    "district_code",
    "address_ky",
    "address_ru",
    "address_en",
    "latitude",
    "longitude",
    "status",
    "opened_on",
    "phone",
    "email",
    *ACCESSIBILITY_FEATURES,
    "connectivity",
    "connection_speed_mbps",
)
REQUIRED = (
    "code",
    "name_ky",
    "name_ru",
    "district_code",
    "address_ky",
    "address_ru",
    "latitude",
    "longitude",
)
MAX_ROWS = 5000
YES = {"yes", "y", "1", "true", "да", "ооба", "+", "x"}
NO = {"no", "n", "0", "false", "нет", "жок", "-", ""}


class ImportFileError(BilimError):
    """The file as a whole cannot be read; the message says why, for the person importing."""


@dataclass
class RowResult:
    number: int
    code: str
    errors: list[str] = field(default_factory=list)
    values: dict[str, Any] = field(default_factory=dict)
    exists: bool = False


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def read_table(upload: IO[bytes], filename: str) -> list[dict[str, str]]:
    """Read an XLSX or CSV file into rows keyed by the header's column names."""
    raw = upload.read()
    if not raw:
        raise ImportFileError(FILE_EMPTY)
    if raw[:2] == b"PK" or filename.lower().endswith(".xlsx"):
        rows = _read_xlsx(raw)
    else:
        rows = _read_csv(raw)
    header = [h.strip().lower() for h in next(rows, [])]
    if not any(header):
        raise ImportFileError(NO_HEADER)
    missing = [c for c in REQUIRED if c not in header]
    if missing:
        raise ImportFileError(COLUMNS_MISSING, params={"columns": ", ".join(missing)})
    table = []
    for values in rows:
        if not any(values):
            continue
        table.append({name: values[i] if i < len(values) else "" for i, name in enumerate(header)})
        if len(table) > MAX_ROWS:
            raise ImportFileError(TOO_MANY_ROWS, params={"n": MAX_ROWS})
    if not table:
        raise ImportFileError(NO_ROWS)
    return table


def _read_xlsx(raw: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken file
        raise ImportFileError(NOT_XLSX) from error
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(values_only=True):
        yield [_cell(v) for v in row]


def _read_csv(raw: bytes) -> Iterator[list[str]]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(NOT_UTF8) from error
    dialect: type[csv.Dialect]
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    for row in csv.reader(io.StringIO(text), dialect):
        yield [v.strip() for v in row]


def _boolean(value: str) -> bool | None:
    v = value.strip().lower()
    if v in YES:
        return True
    if v in NO:
        return False
    return None


def _date(value: str) -> datetime.date | None:
    for fmt in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(value, fmt).date()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    raise ValueError(value)


def check_rows(table: list[dict[str, str]]) -> list[RowResult]:
    """Check every row and return what each would become, with its problems."""
    districts = {d.code: d for d in District.objects.all()}
    existing = set(Center.objects.values_list("code", flat=True))
    seen: dict[str, int] = {}
    results = []
    for number, row in enumerate(table, start=2):  # row 1 is the header
        result = RowResult(number=number, code=row.get("code", ""))
        _check_row(row, result, districts)
        if result.code:
            if result.code in seen:
                result.errors.append(
                    _("The code %(code)s is also used in row %(row)s.")
                    % {"code": result.code, "row": seen[result.code]}
                )
            seen.setdefault(result.code, number)
            result.exists = result.code in existing
        results.append(result)
    return results


def _check_row(row: dict[str, str], result: RowResult, districts: dict[str, District]) -> None:
    errors, values = result.errors, result.values
    for column in REQUIRED:
        if not row.get(column):
            errors.append(_("“%(column)s” is empty.") % {"column": column})
    code = row.get("code", "")
    if code and (len(code) > 20 or not code.replace("-", "").replace("_", "").isalnum()):
        errors.append(_("The code may have up to 20 Latin letters, digits, - and _."))
    values["names"] = {lang: row.get(f"name_{lang}", "") for lang in LANGS}
    values["addresses"] = {lang: row.get(f"address_{lang}", "") for lang in LANGS}
    if row.get("district_code"):
        district = districts.get(row["district_code"])
        if district is None:
            errors.append(
                _("There is no district with the code %(code)s.") % {"code": row["district_code"]}
            )
        values["district"] = district
    for column, low, high in (("latitude", 39, 43.5), ("longitude", 69, 80.5)):
        if row.get(column):
            try:
                number = Decimal(row[column].replace(",", "."))
            except InvalidOperation:
                errors.append(_("“%(column)s” must be a number.") % {"column": column})
                continue
            if not low <= number <= high:
                errors.append(
                    _("“%(column)s” is outside the Kyrgyz Republic.") % {"column": column}
                )
            values[column] = number.quantize(Decimal("0.00001"))
    status = (row.get("status") or Center.Status.PLANNED).lower()
    if status not in Center.Status.values:
        errors.append(
            _("Status must be one of: %(values)s.") % {"values": ", ".join(Center.Status.values)}
        )
    values["status"] = status
    values["opened_on"] = None
    if row.get("opened_on"):
        try:
            values["opened_on"] = _date(row["opened_on"])
        except ValueError:
            errors.append(_("“opened_on” must be a date like 01.09.2022."))
    features = set()
    for feature in ACCESSIBILITY_FEATURES:
        flag = _boolean(row.get(feature, ""))
        if flag is None:
            errors.append(_("“%(column)s” must be yes or no.") % {"column": feature})
        elif flag:
            features.add(feature)
    values["features"] = frozenset(features)
    connectivity = (row.get("connectivity") or Center.Connectivity.MOBILE).lower()
    if connectivity not in Center.Connectivity.values:
        errors.append(
            _("“connectivity” must be one of: %(values)s.")
            % {"values": ", ".join(Center.Connectivity.values)}
        )
    values["connectivity"] = connectivity
    values["connection_speed_mbps"] = None
    if row.get("connection_speed_mbps"):
        speed = row["connection_speed_mbps"]
        if not speed.isdigit():
            errors.append(_("“connection_speed_mbps” must be a whole number."))
        else:
            values["connection_speed_mbps"] = int(speed)
    values["phone"] = row.get("phone", "")[:40]
    values["email"] = row.get("email", "")


@transaction.atomic
def import_rows(results: Iterable[RowResult]) -> tuple[int, int]:
    """Write checked rows, all or none; return (created, updated)."""
    results = list(results)
    if any(r.errors for r in results):
        raise ImportFileError(FILE_HAS_PROBLEMS)
    created = updated = 0
    for r in results:
        center_upsert(code=r.code, **r.values)
        if r.exists:
            updated += 1
        else:
            created += 1
    return created, updated


def export_rows(centers: Iterable[Center]) -> Iterator[list[str]]:
    """Yield the header and one row per center, in the import's format."""
    yield list(COLUMNS)
    for c in centers:
        yield [
            c.code,
            *(getattr(c, f"name_{lang}") or "" for lang in LANGS),
            c.district.code,
            *(getattr(c, f"address_{lang}") or "" for lang in LANGS),
            f"{c.latitude}",
            f"{c.longitude}",
            c.status,
            c.opened_on.strftime("%d.%m.%Y") if c.opened_on else "",
            c.phone,
            c.email,
            *("yes" if getattr(c, f) else "no" for f in ACCESSIBILITY_FEATURES),
            c.connectivity,
            "" if c.connection_speed_mbps is None else str(c.connection_speed_mbps),
        ]
