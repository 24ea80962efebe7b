import pytest

from tests.factories import CenterFactory, ProgramFactory


def test_openapi_schema_is_published(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {"/api/v1/geography/regions", "/api/v1/centers", "/api/v1/programs"} <= set(paths)


def test_regions_come_in_the_requested_language(client, geography):
    ru = client.get("/api/v1/geography/regions", headers={"accept-language": "ru"}).json()
    ky = client.get("/api/v1/geography/regions", headers={"accept-language": "ky"}).json()
    assert "Нарынская область" in {r["name"] for r in ru}
    assert "Нарын облусу" in {r["name"] for r in ky}
    assert len(ru) == 9


def test_districts_filter_by_region(client, geography):
    naryn = client.get("/api/v1/geography/districts", {"region": "41704000000000"}).json()
    assert len(naryn) == 6  # five raions and the city of Naryn
    assert {d["region_code"] for d in naryn} == {"41704000000000"}


def test_only_open_centers_are_public(client, db):
    open_center = CenterFactory(status="open")
    CenterFactory(status="planned")
    CenterFactory(status="closed")
    codes = [c["code"] for c in client.get("/api/v1/centers").json()]
    assert codes == [open_center.code]


def test_only_published_programs_are_public(client, db):
    published = ProgramFactory()
    ProgramFactory(status="draft")
    codes = [p["code"] for p in client.get("/api/v1/programs").json()]
    assert codes == [published.code]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/geography/districts?region=%00",
        "/api/v1/centers?region=" + "9" * 500,
        "/api/v1/programs?direction=%F0%9F%92%A5",
        "/api/v1/nope",
    ],
)
def test_odd_input_gets_a_clean_answer(client, db, url):
    response = client.get(url)
    assert response.status_code in {200, 400, 404, 422}


def test_the_centers_list_is_kept_for_a_minute(client, db, django_assert_num_queries):
    CenterFactory(status="open")
    first = client.get("/api/v1/centers").json()
    with django_assert_num_queries(0):
        again = client.get("/api/v1/centers").json()
    assert again == first
