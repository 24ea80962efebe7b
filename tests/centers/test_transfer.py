"""Import and export of centers: a dry run that explains every problem, all or nothing."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from bilim.accounts.models import Role
from bilim.centers.models import Center
from bilim.centers.transfer import COLUMNS

GOOD = {
    "code": "x001",
    "name_ky": "Ат-Башы борбору",
    "name_ru": "Ат-Башинский центр",
    "name_en": "At-Bashy center",
    "district_code": "41704220000000",
    "address_ky": "Манас көчөсү, 3",
    "address_ru": "ул. Манаса, 3",
    "address_en": "",
    "latitude": "41.17",
    "longitude": "75.80",
    "status": "open",
    "opened_on": "01.09.2022",
    "phone": "",
    "email": "",
    "step_free_entrance": "да",
    "ramp": "ооба",
    "accessible_toilet": "no",
    "hearing_loop": "",
    "sign_language_on_request": "0",
    "large_print_materials": "yes",
    "connectivity": "mobile",
    "connection_speed_mbps": "10",
}


def _csv(rows, delimiter=","):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, delimiter=delimiter)
    writer.writeheader()
    writer.writerows(rows)
    return io.BytesIO(out.getvalue().encode("utf-8-sig"))


def _xlsx(rows):
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([row[c] for c in COLUMNS])
    out = io.BytesIO()
    book.save(out)
    out.seek(0)
    return out


@pytest.fixture
def national(client, network, geography):
    client.force_login(network.users[Role.NATIONAL])
    return client


def _upload(client, content, name, lang="en"):
    content.name = name
    return client.post(f"/{lang}/staff/centers/import/", {"file": content})


def test_a_good_xlsx_is_checked_then_imported_on_confirmation(national):
    second = {**GOOD, "code": "x002", "name_ky": "Экинчи борбор", "status": "planned"}
    response = _upload(national, _xlsx([GOOD, second]), "centers.xlsx")
    assert response.status_code == 200
    assert response.context["problems"] == 0
    assert not Center.objects.filter(code__in=["x001", "x002"]).exists()  # dry run writes nothing

    response = national.post(
        reverse("centers:staff-center-import"), {"token": response.context["token"]}
    )
    assert response.status_code == 302
    center = Center.objects.get(code="x001")
    assert center.name_ru == "Ат-Башинский центр"
    assert center.step_free_entrance and center.ramp and not center.hearing_loop
    assert center.large_print_materials
    assert center.district.code == "41704220000000"
    assert Center.objects.get(code="x002").status == "planned"


def test_a_file_with_one_bad_row_imports_nothing_and_names_every_problem(national):
    bad = {
        **GOOD,
        "code": "x003",
        "district_code": "123",
        "latitude": "55.7",
        "ramp": "maybe",
        "opened_on": "31/31/2022",
    }
    duplicate = {**GOOD}
    response = _upload(national, _csv([GOOD, bad, duplicate], delimiter=";"), "centers.csv")
    results = response.context["results"]
    assert response.context["problems"] == 2
    assert "token" not in response.context
    row3 = " ".join(results[1].errors)
    assert "123" in row3 and "latitude" in row3 and "ramp" in row3 and "opened_on" in row3
    assert "row 2" in " ".join(results[2].errors)
    assert not Center.objects.filter(code__in=["x001", "x003"]).exists()


def test_problems_are_explained_in_the_users_language(national):
    response = national.post(
        "/ru/staff/centers/import/",
        {"file": _named(_csv([{**GOOD, "district_code": "999"}]), "c.csv")},
    )
    assert (
        "Нет района с кодом 999" in response.content.decode()
        or response.context["results"][0].errors
    )


def _named(content, name):
    content.name = name
    return content


@pytest.mark.parametrize(
    ("content", "name", "fragment"),
    [
        (b"", "empty.csv", "empty"),
        (b"code,name_ky\nx,y\n", "short.csv", "missing"),
        (b"PK\x03\x04broken", "broken.xlsx", "Excel"),
        ("code;name".encode("cp1251") + b"\xff\xfe", "cp.csv", "UTF-8"),
    ],
)
def test_unreadable_files_get_a_plain_explanation(national, content, name, fragment):
    response = _upload(national, io.BytesIO(content), name)
    assert response.status_code == 200
    assert fragment in response.context["file_error"]


def test_export_then_import_round_trips(national, network):
    response = national.get(reverse("centers:staff-center-export", args=["xlsx"]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert len(rows) == 1 + Center.objects.count()


def test_csv_export_is_scoped_and_opens_in_excel(client, network):
    client.force_login(network.users[Role.REGION])
    response = client.get(reverse("centers:staff-center-export", args=["csv"]))
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    codes = {row["code"] for row in csv.DictReader(io.StringIO(body.lstrip("\ufeff")))}
    assert codes == {network.center_a1.code, network.center_a2.code}


def test_unknown_export_format_is_not_found(national):
    assert national.get(reverse("centers:staff-center-export", args=["pdf"])).status_code == 404


def test_an_expired_confirmation_says_so(national):
    response = national.post(
        reverse("centers:staff-center-import"), {"token": "nosuchtoken"}, follow=True
    )
    assert response.status_code == 200
    assert list(response.context["messages"])
