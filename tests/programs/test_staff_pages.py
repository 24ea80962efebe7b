"""Program forms over HTTP: create, edit, publish, audiences; errors keep what was typed."""

from decimal import Decimal

import pytest
from django.urls import reverse

from bilim.accounts.models import Role
from bilim.partners.models import Direction
from bilim.programs.models import Audience, Program


def _form(**overrides):
    data = {
        "code": "",
        "title_ky": "Санариптик коопсуздук",
        "title_ru": "Цифровая безопасность",
        "title_en": "",
        "summary_ky": "Сырсөздөр жана алдамчылык",
        "summary_ru": "Пароли и мошенничество",
        "direction": Direction.objects.get(code="digital").pk,
        "activity_type": "workshop",
        "languages": ["ky", "ru"],
        "audiences": [Audience.objects.get(code="elderly").pk],
        "session_count": "3",
        "hours": "4.5",
        "certificate_min_attendance": "80",
        "min_age": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def national(client, network):
    client.force_login(network.users[Role.NATIONAL])
    return client


def test_the_national_office_creates_a_draft_program(national, network):
    response = national.post(reverse("programs:staff-program-create"), _form())
    program = Program.objects.get(title_ru="Цифровая безопасность")
    assert response["Location"] == reverse("programs:staff-program-detail", args=[program.code])
    assert program.status == Program.Status.DRAFT
    assert program.code == "sanariptik-koopsuzduk"
    assert (program.hours, program.certificate_min_attendance, program.min_age) == (
        Decimal("4.5"),
        80,
        None,
    )
    page = national.get(response["Location"]).content.decode()
    assert "Санариптик коопсуздук" in page


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"title_ru": ""}, "title_ru"),
        ({"summary_ky": ""}, "summary_ky"),
        ({"hours": "0"}, "hours"),
        ({"hours": "бир"}, "hours"),
        ({"session_count": "0"}, "session_count"),
        ({"certificate_min_attendance": "150"}, "certificate_min_attendance"),
        ({"languages": None}, "languages"),
        ({"direction": None}, "direction"),
        ({"code": "proposals"}, "code"),
        ({"code": "Жаңы код"}, "code"),
    ],
)
def test_errors_are_shown_and_what_was_typed_stays(national, network, overrides, field):
    response = national.post(
        "/ru" + reverse("programs:staff-program-create")[3:], _form(**overrides)
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f'href="#id_{field}' in html
    # Typed texts are still in the form.
    assert "Санариптик коопсуздук" in html
    assert "Пароли и мошенничество" in html
    assert not Program.objects.filter(title_ru="Цифровая безопасность").exists()


def test_a_code_taken_by_another_program_is_an_error_beside_the_field(national, network):
    response = national.post(
        reverse("programs:staff-program-create"), _form(code=network.own_program.code)
    )
    assert "code" in response.context["form"].errors


def test_editing_keeps_the_code_and_changes_the_texts(national, network):
    program = network.own_program
    url = reverse("programs:staff-program-edit", args=[program.code])
    page = national.get(url).content.decode()
    assert program.title_ky in page
    response = national.post(url, _form(code="another-code", title_en="Digital safety"))
    assert response.status_code == 302
    program.refresh_from_db()
    assert program.title_en == "Digital safety"
    assert program.code.startswith("program-")


def test_publishing_then_an_impossible_move_is_explained(national, network):
    national.post(reverse("programs:staff-program-create"), _form())
    program = Program.objects.get(title_ru="Цифровая безопасность")
    url = reverse("programs:staff-program-status", args=[program.code])
    national.post(url, {"status": "published"})
    program.refresh_from_db()
    assert program.status == Program.Status.PUBLISHED
    response = national.post(f"/en/staff/programs/{program.code}/status/", {"status": "draft"})
    response = national.get(response["Location"])
    program.refresh_from_db()
    assert program.status == Program.Status.PUBLISHED
    assert "cannot go from" in response.content.decode()


def test_the_detail_page_offers_only_the_allowed_moves(national, network):
    html = national.get(
        reverse("programs:staff-program-detail", args=[network.own_program.code])
    ).content.decode()
    assert 'value="archived"' in html
    assert 'value="draft"' not in html


def test_the_national_office_adds_an_audience(national, network):
    url = reverse("programs:staff-audience-list")
    response = national.post(
        url, {"name_ky": "Мигранттар", "name_ru": "Мигранты", "name_en": "Migrants"}
    )
    assert response.status_code == 302
    assert Audience.objects.filter(code="migrants").exists()
    # A new audience is offered in the program form at once.
    assert "Мигранттар" in national.get("/ky/staff/programs/new/").content.decode()


def test_a_duplicate_audience_is_refused_and_the_names_stay(national, network):
    response = national.post(
        reverse("programs:staff-audience-list"), {"name_ky": "Жаштар", "name_ru": "Юноши"}
    )
    assert response.status_code == 200
    assert 'value="Юноши"' in response.content.decode()
    assert Audience.objects.count() == 5
