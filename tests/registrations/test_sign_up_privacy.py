"""A name and a phone typed into the public form open nothing and change nothing.

Only the browser that made a registration opens its page again; a person changes the
details stored about them only after proving their phone with the one-time code.
"""

import re
from pathlib import Path

import pytest
from django.test import Client

from bilim.notifications.models import Message
from bilim.registrations.messages import check_in_code
from bilim.registrations.models import Consent, Participant, Registration
from tests.factories import DistrictFactory
from tests.registrations.factories import UpcomingOfferingFactory, register
from tests.registrations.test_self_service import sign_in

PHONE = "+996555123456"
SRC = Path(__file__).resolve().parents[2] / "src" / "bilim"


@pytest.fixture
def aigul(offering):
    """Айгүл, registered for the offering, with every detail the form asks for."""
    return register(
        offering,
        name="Айгүл Осмонова",
        phone=PHONE,
        sex="female",
        email="aigul@example.kg",
        birth_year=1961,
        disability="no",
        home_district=DistrictFactory(),
    )


# Another person's answers, with Айгүл's name (spelled a little differently) and phone.
IMPOSTOR = {
    "name": "айгүл  ОСМОНОВА",
    "phone": "0555 123 456",
    "email": "someone@example.com",
    "sex": "male",
    "birth_year": "1999",
    "disability": "yes",
    "access_needs": "wheelchair",
    "language": "ru",
    "consent": "on",
    "request_id": "not-from-this-browser",
}
STORED = ("name", "email", "sex", "birth_year", "disability", "access_needs", "language")


def _stored(participant):
    participant.refresh_from_db()
    return {
        **{field: getattr(participant, field) for field in STORED},
        "home_district": participant.home_district_id,
    }


def _secrets_of(registration):
    return [
        registration.token,
        registration.short_code,
        check_in_code(registration),
        f"/my/{registration.token}/cancel/",
        f"/m/{registration.link_code}",
    ]


@pytest.mark.parametrize("lang", ["ru", "ky"])
def test_another_persons_name_and_phone_open_nothing_and_change_nothing(client, aigul, lang):
    before = _stored(aigul.participant)
    url = f"/{lang}/offerings/{aigul.offering_id}/register/"
    client.get(url)
    response = client.post(url, IMPOSTOR, follow=True)
    page = response.content.decode()
    assert response.status_code == 200
    for secret in _secrets_of(aigul):
        assert secret not in page
    assert "/cancel/" not in page and "/my/" + aigul.token[:8] not in page
    assert "+996 … 456" in page
    assert "555 123 456" not in page
    assert _stored(aigul.participant) == before
    assert Registration.objects.count() == 1


@pytest.mark.parametrize("lang", ["ru", "ky"])
def test_a_known_name_and_phone_in_another_group_keeps_the_answers_on_the_new_registration(
    client, aigul, lang
):
    before = _stored(aigul.participant)
    other = UpcomingOfferingFactory()
    response = client.post(f"/{lang}/offerings/{other.pk}/register/", IMPOSTOR, follow=True)
    page = response.content.decode()
    for secret in _secrets_of(aigul):
        assert secret not in page
    assert _stored(aigul.participant) == before
    new = Registration.objects.get(offering=other)
    assert new.participant == aigul.participant
    assert (new.sex, new.disability, new.access_needs) == ("male", "yes", ["wheelchair"])


def test_already_registered_sends_the_link_again_to_the_phone(client, aigul):
    client.post(f"/ky/offerings/{aigul.offering_id}/register/", IMPOSTOR)
    again = Message.objects.get(kind="link-again")
    assert again.recipient == PHONE
    assert again.body.endswith(f"/m/{aigul.link_code}")  # the short link to their page
    assert again.language == "ky"  # the stored language, not the one typed


def test_the_link_is_sent_again_three_times_an_hour_with_the_same_answer(db, aigul):
    answers = set()
    for n in range(5):
        response = Client(REMOTE_ADDR=f"10.0.0.{n + 1}").post(
            f"/en/offerings/{aigul.offering_id}/register/", IMPOSTOR
        )
        # The CSRF token is masked anew in every answer: the rest must be the same.
        answers.add(re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.text))
    assert Message.objects.filter(kind="link-again").count() == 3
    assert len(answers) == 1
    assert "We have sent your personal link again by SMS to +996 … 456" in answers.pop()


def test_a_request_id_replayed_from_another_browser_opens_nothing(client, offering):
    url = f"/ru/offerings/{offering.pk}/register/"
    request_id = client.get(url).context["form"].initial["request_id"]
    data = {**IMPOSTOR, "name": "Бакыт Жумабеков", "request_id": request_id}
    first = client.post(url, data)
    registration = Registration.objects.get()
    assert first["Location"] == f"/ru/my/{registration.token}/"
    replay = Client().post(url, data, follow=True)
    page = replay.content.decode()
    for secret in _secrets_of(registration):
        assert secret not in page
    assert "+996 … 456" in page
    assert Registration.objects.count() == 1


# --- Consent: the language of the text read, one text ---


def test_consent_records_the_language_of_the_page_not_of_the_messages(client, offering):
    data = {**IMPOSTOR, "name": "Бакыт Жумабеков", "language": "ky"}
    client.post(f"/ru/offerings/{offering.pk}/register/", data)
    consent = Consent.objects.get()
    assert consent.language == "ru"
    assert consent.participant.language == "ky"


def test_the_consent_paragraph_has_one_source():
    sources = [
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.html")
        if "Nobody else receives your data" in path.read_text()
    ]
    assert sources == ["registrations/templates/registrations/consent/2026-11.html"]


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_the_sign_up_page_shows_the_consent_text_of_the_page_language(client, offering, lang):
    page = client.get(f"/{lang}/offerings/{offering.pk}/register/").content.decode()
    expected = {"ky": "Жарандык жана санариптик", "ru": "Центры гражданского и цифрового"}
    assert expected[lang] in page


# --- My details: corrected only after the phone is proved ---


def test_details_cannot_be_opened_without_the_code(client, aigul):
    response = client.get(f"/ky/my/details/{aigul.participant_id}/")
    assert response.status_code == 302
    assert response["Location"] == "/ky/my/"


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_a_person_with_the_code_corrects_their_details_and_registrations_keep_theirs(
    client, aigul, lang
):
    sign_in(client, lang=lang)
    listing = client.get(f"/{lang}/my/").content.decode()
    url = f"/{lang}/my/details/{aigul.participant_id}/"
    assert url in listing
    form = client.get(url).context["form"]
    assert form.initial["email"] == "aigul@example.kg"
    response = client.post(
        url,
        {
            "name": "Айгүл  Осмонова-Бекова",
            "email": "aigul.b@example.kg",
            "language": "ru",
            "sex": "not_disclosed",
            "birth_year": "1962",
            "home_district": "",
            "disability": "not_disclosed",
        },
        follow=True,
    )
    assert response.redirect_chain[-1][0] == f"/{lang}/my/"
    participant = Participant.objects.get()
    assert (participant.name, participant.name_key) == (
        "Айгүл Осмонова-Бекова",
        "айгүл осмонова-бекова",
    )
    assert (participant.email, participant.language, participant.birth_year) == (
        "aigul.b@example.kg",
        "ru",
        1962,
    )
    assert participant.home_district is None
    aigul.refresh_from_db()
    assert (aigul.sex, aigul.disability) == ("female", "no")  # the snapshot stays


def test_a_name_used_by_a_family_member_with_the_same_phone_is_explained(client, aigul):
    register(aigul.offering, name="Бакыт Осмонов", phone=PHONE, sex="male")
    sign_in(client, lang="ru")
    response = client.post(
        f"/ru/my/details/{aigul.participant_id}/",
        {"name": "бакыт осмонов", "language": "ky", "sex": "female"},
    )
    assert response.status_code == 400
    assert "name" in response.context["form"].errors
    assert Participant.objects.get(pk=aigul.participant_id).name == "Айгүл Осмонова"


def test_the_details_of_another_phone_are_not_found(client, aigul):
    other = register(aigul.offering, name="Бакыт Осмонов", phone="+996700000001", sex="male")
    sign_in(client, lang="ky")
    assert client.get(f"/ky/my/details/{other.participant_id}/").status_code == 404
