"""The public sign-up page and the person's own page."""

import datetime

import pytest
from django.utils import timezone

from bilim.registrations.models import Participant, Registration
from tests.registrations.factories import sign_up_form as _form
from tests.scheduling.factories import OfferingFactory, SessionFactory


def test_sign_up_leads_to_the_personal_page(client, offering):
    url = f"/ky/offerings/{offering.pk}/register/"
    assert client.get(url).status_code == 200
    response = client.post(url, _form())
    registration = Registration.objects.get()
    assert response["Location"] == f"/ky/my/{registration.token}/"
    assert registration.participant.phone == "+996700123456"
    page = client.get(response["Location"]).content.decode()
    assert "Бакыт Жумабеков" in page


def test_mistakes_are_explained_in_russian_and_nothing_typed_is_lost(client, offering):
    response = client.post(
        f"/ru/offerings/{offering.pk}/register/", _form(phone="12345", consent="")
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Введите киргизский мобильный номер" in page
    assert "Без вашего согласия мы не можем вас записать." in page
    assert 'value="Бакыт Жумабеков"' in page
    assert 'value="12345"' in page
    assert not Registration.objects.exists()


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_double_click_registers_once_and_opens_the_same_page(client, offering, lang):
    url = f"/{lang}/offerings/{offering.pk}/register/"
    request_id = client.get(url).context["form"].initial["request_id"]
    first = client.post(url, _form(request_id=request_id))
    second = client.post(url, _form(request_id=request_id))
    assert first["Location"] == second["Location"]
    assert second["Location"] == f"/{lang}/my/{Registration.objects.get().token}/"


def test_a_request_id_sent_again_by_another_person_does_not_show_the_first_persons_page(
    client, offering
):
    url = f"/ky/offerings/{offering.pk}/register/"
    first = client.post(url, _form(request_id="same"))
    second = client.post(url, _form(request_id="same", name="Other Person", phone="0700123457"))
    assert first["Location"] != second["Location"]
    assert Registration.objects.get(participant__name="Other Person").token in second["Location"]


def test_a_full_group_puts_the_person_on_the_waitlist_with_their_position(client, offering):
    url = f"/en/offerings/{offering.pk}/register/"
    client.post(url, _form(request_id="a"))
    response = client.post(url, _form(request_id="b", name="Other Person", phone="0700123457"))
    page = client.get(response["Location"]).content.decode()
    assert "number 1 on the waitlist" in page


def test_robot_filling_the_hidden_field_is_not_registered(client, offering):
    client.post(f"/ky/offerings/{offering.pk}/register/", _form(website="http://spam"))
    assert not Participant.objects.exists()


def test_too_many_sign_ups_from_one_connection_are_refused_and_kept(client, offering, settings):
    settings.SIGN_UP_RATE = "1/h"
    url = f"/ky/offerings/{offering.pk}/register/"
    client.post(url, _form(request_id="a"))
    response = client.post(url, _form(request_id="b", name="Экинчи Адам", phone="0700123999"))
    assert response.status_code == 429
    assert 'value="Экинчи Адам"' in response.content.decode()
    assert Registration.objects.count() == 1


def test_cancel_from_the_personal_page(client, offering):
    response = client.post(f"/ky/offerings/{offering.pk}/register/", _form())
    token = Registration.objects.get().token
    client.post(f"/ky/my/{token}/cancel/")
    assert Registration.objects.get().status == Registration.Status.CANCELLED
    offering.refresh_from_db()
    assert offering.confirmed_count == 0
    assert client.get(response["Location"]).status_code == 200


def test_unknown_personal_link_is_not_found(client, db):
    assert client.get("/ky/my/not-a-token/").status_code == 404


def test_unpublished_offering_has_no_sign_up(client, db):
    offering = OfferingFactory(status="proposed")
    assert client.get(f"/ky/offerings/{offering.pk}/register/").status_code == 404


def test_an_unanswered_disability_question_is_counted_as_not_disclosed(client, offering):
    client.post(f"/ky/offerings/{offering.pk}/register/", _form(disability=""))
    assert Registration.objects.get().disability == "not_disclosed"


def test_only_a_confirmed_person_sees_the_stream_link_of_an_online_group(client, db):
    start = timezone.now() + datetime.timedelta(days=2)
    online = SessionFactory(
        offering=OfferingFactory(capacity=1, center=None, format="online"),
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        stream_url="https://meet.example.org/secret-room",
    ).offering
    url = f"/ky/offerings/{online.pk}/register/"
    confirmed = client.post(url, _form(request_id="a"))["Location"]
    waiting = client.post(url, _form(request_id="b", name="Экинчи", phone="0700123999"))["Location"]
    assert "secret-room" in client.get(confirmed).content.decode()
    assert "secret-room" not in client.get(waiting).content.decode()
    program_page = client.get(f"/ky/programs/{online.program.code}/").content.decode()
    assert "secret-room" not in program_page
