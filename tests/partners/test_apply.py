"""The public partnership application form: validation, storage, honeypot and rate limit."""

import pytest

from bilim.partners.models import Direction, PartnershipApplication
from tests.factories import RegionFactory


@pytest.fixture
def form_data(db):
    region = RegionFactory(name_en="Talas")
    return {
        "organisation": "«Жаштар демилгеси» коомдук бирикмеси",
        "kind": "civil_society",
        "contact_name": "Айгүл Осмонова",
        "email": "aigul@jashtar.kg",
        "phone": "0555 123 456",
        "website": "https://jashtar.kg",
        "offer": "Жаштар үчүн дебат клубдарын алып барабыз.",
        "directions": [Direction.objects.get(code="civic").pk],
        "regions": [region.pk],
        "reference": "",
    }


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_form_page_has_labels_fieldsets_and_a_hidden_honeypot(client, db, lang):
    response = client.get(f"/{lang}/partners/apply/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_organisation">' in html
    assert html.count("<fieldset") == 3 and html.count("<legend>") == 3
    assert 'class="hp-field" aria-hidden="true"' in html
    assert 'name="reference"' in html and 'tabindex="-1"' in html
    assert "captcha" not in html.lower()


def test_application_is_stored_in_the_page_language_and_redirected(client, form_data):
    response = client.post("/ru/partners/apply/", form_data)
    assert response.status_code == 302
    assert response["Location"] == "/ru/partners/apply/thanks/"
    application = PartnershipApplication.objects.get()
    assert application.organisation == form_data["organisation"]
    assert application.language == "ru"
    assert application.phone == "+996 555 123 456"
    assert application.status == PartnershipApplication.Status.RECEIVED
    assert [r.name_en for r in application.regions.all()] == ["Talas"]
    thanks = client.get(response["Location"]).content.decode()
    assert "Спасибо" in thanks


def test_invalid_application_shows_errors_and_keeps_what_was_typed(client, form_data):
    data = {**form_data, "email": "not-an-address", "phone": "12", "directions": []}
    response = client.post("/ky/partners/apply/", data)
    html = response.content.decode()
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"email", "phone", "directions"}
    assert "error-summary" in html
    assert 'href="#id_directions_0"' in html  # the summary leads to the first checkbox
    assert 'href="#id_email"' in html
    assert "Жаштар демилгеси" in html and "not-an-address" in html
    assert 'value="civil_society" id="id_kind_1" required checked' in html
    assert "Жаштар үчүн дебат клубдарын" in html
    assert not PartnershipApplication.objects.exists()


def test_missing_kind_and_offer_are_reported_in_the_users_language(client, form_data):
    data = {**form_data, "kind": "", "offer": ""}
    html = client.post("/ru/partners/apply/", data).content.decode()
    assert "Обязательное поле." in html
    assert 'href="#id_kind_0"' in html


def test_honeypot_pretends_success_and_stores_nothing(client, form_data):
    response = client.post("/en/partners/apply/", {**form_data, "reference": "http://spam"})
    assert response.status_code == 302
    assert response["Location"] == "/en/partners/apply/thanks/"
    assert not PartnershipApplication.objects.exists()


def test_sixth_application_within_the_hour_gets_429_and_keeps_the_input(client, form_data):
    for n in range(5):
        data = {**form_data, "organisation": f"Уюм {n}"}
        assert client.post("/ru/partners/apply/", data).status_code == 302
    response = client.post("/ru/partners/apply/", {**form_data, "organisation": "Шестая"})
    html = response.content.decode()
    assert response.status_code == 429
    assert "Слишком много заявок" in html
    assert 'value="Шестая"' in html and "aigul@jashtar.kg" in html
    assert PartnershipApplication.objects.count() == 5


def test_mistakes_do_not_count_towards_the_limit(client, form_data):
    for _ in range(6):
        assert client.post("/en/partners/apply/", {**form_data, "email": "x"}).status_code == 200
    assert client.post("/en/partners/apply/", form_data).status_code == 302


def test_limit_is_per_address(client, form_data):
    for n in range(5):
        client.post("/en/partners/apply/", {**form_data, "organisation": f"Org {n}"})
    other = client.post("/en/partners/apply/", form_data, REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 302
