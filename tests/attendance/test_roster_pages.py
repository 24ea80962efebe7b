"""The roster and check-in pages over HTTP: who may open them, codes, undo, search, htmx."""

import pytest
from django.urls import reverse
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.attendance.models import Attendance
from bilim.registrations.messages import personal_link
from tests.attendance.conftest import register
from tests.factories import UserFactory
from tests.scheduling.factories import OfferingFactory, SessionFactory, at

pytestmark = pytest.mark.django_db


def _roster(session, lang="en"):
    return f"/{lang}/staff/sessions/{session.pk}/roster/"


@pytest.fixture
def manager(client, network):
    client.force_login(network.users[Role.CENTER])
    return client


@pytest.mark.parametrize(
    ("who", "status"),
    [
        (Role.NATIONAL, 200),
        (Role.REGION, 200),  # region A holds center A1
        (Role.CENTER, 200),
        (Role.FACILITATOR, 404),  # a facilitator, but not of this group
        (Role.OPERATOR, 403),
        (Role.ANALYST, 403),
        (Role.PARTNER, 403),
    ],
)
def test_who_may_open_the_roster(client, network, session, people, who, status):
    client.force_login(network.users[who])
    response = client.get(_roster(session))
    assert response.status_code == status
    if status == 200:
        assert "Ольга Ким" in response.content.decode()


def test_the_facilitator_of_the_group_runs_its_check_in(client, session, people, facilitator):
    client.force_login(facilitator)
    assert client.get(_roster(session)).status_code == 200
    olga = people["Ольга Ким"]
    response = client.post(f"{_roster(session)}code/", {"code": olga.short_code})
    assert response.status_code == 302
    assert Attendance.objects.get().marked_by == facilitator


def test_a_manager_of_another_center_does_not_see_the_session(client, network, session):
    other = UserFactory(username="b1")
    from bilim.accounts.services import role_assign

    role_assign(user=other, role=Role.CENTER, center_id=network.center_b1.pk)
    client.force_login(other)
    assert client.get(_roster(session)).status_code == 404
    assert client.post(f"{_roster(session)}code/", {"code": "12345678"}).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, session):
    response = client.get(_roster(session))
    assert response.status_code == 302
    assert "/staff/sign-in/" in response["Location"]


def test_the_roster_shows_the_session_and_the_counts(manager, session, people):
    Attendance.objects.create(
        session=session, registration=people["Ольга Ким"], method=Attendance.Method.CODE
    )
    page = manager.get(_roster(session, "ru")).content.decode()
    assert "Большой зал" in page
    assert session.offering.program.title_ru in page
    assert "<strong>4</strong> человека записаны" in page
    assert "<strong>1</strong> отмечен" in page
    assert page.index("Айгүл Төлөнова") < page.index("Ольга Ким")  # by name


def test_typing_the_code_checks_the_person_in_and_says_so(manager, session, people):
    olga = people["Ольга Ким"]
    code = f"{olga.short_code[:4]} {olga.short_code[4:]}"
    response = manager.post(f"{_roster(session)}code/", {"code": code}, follow=True)
    page = response.content.decode()
    assert "Ольга Ким is checked in." in page
    assert Attendance.objects.get().method == Attendance.Method.CODE
    again = manager.post(f"{_roster(session)}code/", {"code": olga.short_code}, follow=True)
    assert "Ольга Ким was already checked in at" in again.content.decode()
    assert Attendance.objects.count() == 1


def test_a_scanned_link_checks_in_by_qr(manager, session, people):
    aigul = people["Айгүл Төлөнова"]
    manager.post(f"{_roster(session)}code/", {"code": personal_link(aigul)})
    assert Attendance.objects.get().method == Attendance.Method.QR


def test_a_code_of_another_group_is_explained_and_kept_in_the_field(
    manager, session, other_session
):
    stranger = register(other_session.offering, 60, "Эрмек Сыдыков")
    response = manager.post(f"{_roster(session)}code/", {"code": stranger.short_code})
    page = response.content.decode()
    assert response.status_code == 200
    assert "This code belongs to another group" in page
    assert f'value="{stranger.short_code}"' in page
    assert not Attendance.objects.exists()


def test_check_in_and_undo_from_the_list_keep_the_search(manager, session, people):
    nurlan = people["Нурлан Жээнбеков"]
    base = _roster(session)
    response = manager.post(f"{base}{nurlan.pk}/check-in/", {"q": "нурлан"})
    assert response["Location"] == f"{base}?q=%D0%BD%D1%83%D1%80%D0%BB%D0%B0%D0%BD"
    assert Attendance.objects.get().method == Attendance.Method.ROSTER
    page = manager.get(response["Location"]).content.decode()
    assert "Нурлан Жээнбеков is checked in." in page
    assert "Ольга Ким" not in page  # still filtered
    response = manager.post(f"{base}{nurlan.pk}/undo/", {"q": ""}, follow=True)
    assert "Check-in of Нурлан Жээнбеков was undone." in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_person_of_another_group_cannot_be_marked_through_this_roster(
    manager, session, other_session
):
    stranger = register(other_session.offering, 61)
    response = manager.post(f"{_roster(session)}{stranger.pk}/check-in/")
    assert response.status_code == 404
    assert not Attendance.objects.exists()


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("гүл", {"Айгүл Төлөнова", "Гүлнара Өмүрова"}),
        ("ӨМҮР", {"Гүлнара Өмүрова"}),
        ("0700 000 004", {"Ольга Ким"}),
        ("+996700000002", {"Нурлан Жээнбеков"}),
        ("zzz", set()),
    ],
)
def test_search_by_name_or_phone(manager, session, people, query, found):
    page = manager.get(_roster(session), {"q": query}).content.decode()
    assert {name for name in people if name in page} == found


def test_search_as_you_type_answers_with_the_list_only(manager, session, people):
    response = manager.get(_roster(session), {"q": "ким"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="roster-rows">')
    assert "Ольга Ким" in page and "Айгүл" not in page
    assert "<html" not in page


def test_with_htmx_a_check_in_answers_with_the_row_the_counts_and_the_message(
    manager, session, people
):
    olga = people["Ольга Ким"]
    response = manager.post(
        f"{_roster(session)}code/", {"code": olga.short_code}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert response["HX-Trigger"] == "checkin-done"
    assert f'id="person-{olga.pk}"' in page and 'hx-swap-oob="true"' in page
    assert "<strong>1</strong> checked in" in page
    assert "Ольга Ким is checked in." in page
    assert "<html" not in page


def test_with_htmx_a_wrong_code_answers_with_the_message_only(manager, session, people):
    response = manager.post(
        f"{_roster(session)}code/", {"code": "12"}, headers={"HX-Request": "true"}
    )
    assert "HX-Trigger" not in response
    assert "Enter the 8 digits" in response.content.decode()


def test_the_roster_asks_the_database_the_same_few_times_for_any_group_size(
    manager, session, people, django_assert_max_num_queries
):
    manager.get(_roster(session))  # warm the session and the scope
    with django_assert_max_num_queries(12) as few:
        manager.get(_roster(session))
    for n in range(10, 16):
        register(session.offering, n)
    with django_assert_max_num_queries(len(few.captured_queries)):
        manager.get(_roster(session))


def test_today_lists_the_sessions_a_person_runs(client, network, session, facilitator):
    today = timezone.localdate()
    own = SessionFactory(offering=session.offering, starts_at=at(today, 9), ends_at=at(today, 10))
    other = SessionFactory(
        offering=OfferingFactory(center=network.center_a1),
        starts_at=at(today, 9),
        ends_at=at(today, 10),
    )
    client.force_login(facilitator)
    page = client.get(reverse("attendance:today")).content.decode()
    assert _roster(own, "ky") in page
    assert _roster(other, "ky") not in page  # not their group
