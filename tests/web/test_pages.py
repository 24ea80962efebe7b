import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import CenterFactory, DistrictFactory, ProgramFactory, RegionFactory


@pytest.fixture
def catalog(db):
    region = RegionFactory(name_ky="Нарын облусу", name_ru="Нарынская область", name_en="Naryn")
    district = DistrictFactory(region=region)
    CenterFactory.create_batch(3, district=district)
    CenterFactory(district=district, status="planned")
    ProgramFactory(
        title_ky="Санарип 50+", title_ru="Цифровая грамотность 50+", title_en="Digital 50+"
    )
    ProgramFactory(title_en="Hidden draft", status="draft")


@pytest.mark.parametrize(
    ("lang", "program", "region"),
    [
        ("ky", "Санарип 50+", "Нарын облусу"),
        ("ru", "Цифровая грамотность 50+", "Нарынская область"),
        ("en", "Digital 50+", "Naryn"),
    ],
)
def test_home_page_shows_content_in_the_chosen_language(client, catalog, lang, program, region):
    response = client.get(f"/{lang}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{lang}">' in html
    assert program in html
    assert region in html
    assert "Hidden draft" not in html


def test_home_page_counts_only_open_centers(client, catalog):
    response = client.get("/en/")
    assert response.context["stats"].open_centers == 3
    assert response.context["stats"].programs == 1


def test_home_page_query_count_does_not_grow_with_the_catalog(
    client, catalog, django_assert_max_num_queries
):
    ProgramFactory.create_batch(10)
    CenterFactory.create_batch(10)
    with django_assert_max_num_queries(8):
        client.get("/ky/")


@pytest.mark.parametrize(
    ("accept", "expected"), [("ru-RU,ru;q=0.9", "/ru/"), ("en-US", "/en/"), ("ky", "/ky/")]
)
def test_root_redirects_by_browser_language(client, db, accept, expected):
    response = client.get("/", headers={"accept-language": accept})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_defaults_to_kyrgyz(client, db):
    response = client.get("/", headers={"accept-language": "de-DE"})
    assert response["Location"] == "/ky/"


def test_language_switch_links_point_to_the_same_page(client, db):
    html = client.get("/ru/staff/sign-in/").content.decode()
    assert 'href="/ky/staff/sign-in/"' in html
    assert 'href="/en/staff/sign-in/"' in html
    assert 'lang="ru" hreflang="ru" aria-current="true"' in html


def test_interface_strings_are_translated(client, db):
    ky = client.get("/ky/staff/sign-in/").content.decode()
    ru = client.get("/ru/staff/sign-in/").content.decode()
    en = client.get("/en/staff/sign-in/").content.decode()
    assert "Staff sign-in" in en
    assert "Staff sign-in" not in ky
    assert "Staff sign-in" not in ru
    assert "Вход для сотрудников" in ru


def test_footer_has_the_contact_line(client, db):
    html = client.get("/ky/").content.decode()
    assert "0312 620171" in html
    assert "bilim@shailoo.gov.kg" in html


def test_healthz_answers_when_the_database_does(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_reports_a_broken_database(client, db):
    from unittest import mock

    from django.db.backends.utils import CursorWrapper

    def fail(*args, **kwargs):
        raise RuntimeError("database is down")

    with mock.patch.object(CursorWrapper, "execute", fail):
        response = client.get("/healthz")
    assert response.status_code == 503


def test_sign_in_with_a_wrong_password_keeps_the_user_name(client, network):
    response = client.post(
        reverse("accounts:login"), {"username": "nat", "password": "wrong"}, follow=True
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="nat"' in html
    assert "error-summary" in html


def test_sign_in_lands_on_the_staff_home(client, network):
    response = client.post(
        "/en/staff/sign-in/", {"username": "reg", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/staff/"


def test_null_characters_get_a_bad_request_not_a_server_error(client, db):
    assert client.get("/ky/centers/", {"region": "a\x00b"}).status_code == 400
    assert client.post("/ky/staff/sign-in/", {"username": "\x00"}).status_code == 400


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_home_page_program_titles_link_to_their_pages(client, db, lang):
    program = ProgramFactory(code="digital-50", title_en="Digital 50+")
    html = client.get(f"/{lang}/").content.decode()
    with translation.override(lang):
        href = reverse("catalog:program-detail", args=[program.code])
    assert f'<a href="{href}" class="program-title">' in html


def test_main_menu_is_a_labelled_nav_behind_a_button_that_needs_no_script(client, db):
    html = client.get("/ky/").content.decode()
    with translation.override("ky"):
        label = translation.gettext("Main")
        menu = translation.gettext("Menu")
    # A <details> opens and closes in every browser without JavaScript.
    assert f'<summary class="menu-button" aria-controls="main-nav">{menu}</summary>' in html
    assert f'<nav class="wrap main-nav" id="main-nav" aria-label="{label}">' in html
