"""Walk-ins, attendance entered after the session, and the printable roster."""

import re
import subprocess

import pytest
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.attendance.models import Attendance
from bilim.registrations.models import Registration
from bilim.web.phones import phone_for_contact
from tests.attendance.conftest import register
from tests.scheduling.factories import SessionFactory, at

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(client, network):
    client.force_login(network.users[Role.CENTER])
    return client


def _walk_in(**changes):
    data = {
        "name": "Сүйүнбек Токтосунов",
        "phone": "0700 555 111",
        "sex": "male",
        "birth_year": "",
        "language": "ky",
        "consent": "on",
        "request_id": "w1",
    }
    data.update(changes)
    return data


def _url(session, page, lang="en"):
    return f"/{lang}/staff/sessions/{session.pk}/{page}"


def test_a_walk_in_is_registered_checked_in_and_listed(manager, session, people):
    response = manager.post(_url(session, "walk-in/"), _walk_in(), follow=True)
    page = response.content.decode()
    assert "Сүйүнбек Токтосунов is registered and checked in." in page
    registration = Registration.objects.get(participant__name="Сүйүнбек Токтосунов")
    assert registration.participant.phone == "+996700555111"
    assert registration.channel == Registration.Channel.WALK_IN
    assert registration.disability == "not_disclosed"  # not asked at the door
    assert Attendance.objects.get().registration == registration


def test_a_walk_in_to_a_full_group_is_told_they_wait_and_are_not_checked_in(
    manager, session, people
):
    register(session.offering, 5)  # the last place
    page = manager.get(_url(session, "walk-in/")).content.decode()
    assert "The group is full" in page
    response = manager.post(_url(session, "walk-in/"), _walk_in(), follow=True)
    assert "is number 1 on the waitlist and is NOT checked in" in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_walk_in_without_consent_is_refused_in_russian_and_kept(manager, session):
    response = manager.post(_url(session, "walk-in/", "ru"), _walk_in(consent="", phone="123"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Введите киргизский мобильный номер" in page
    assert 'value="Сүйүнбек Токтосунов"' in page
    assert not Registration.objects.filter(channel=Registration.Channel.WALK_IN).exists()


def test_attendance_afterwards_is_pre_ticked_and_saved(manager, session, people):
    aigul, nurlan, gulnara, _ = people.values()
    Attendance.objects.create(session=session, registration=aigul, method="code")
    page = manager.get(_url(session, "attendance/")).content.decode()
    ticked = re.findall(r'<input type="checkbox" name="present" value="(\d+)"[^>]* checked>', page)
    assert ticked == [str(aigul.pk)]
    response = manager.post(
        _url(session, "attendance/"), {"present": [nurlan.pk, gulnara.pk]}, follow=True
    )
    assert "2 people attended" in response.content.decode()
    assert set(Attendance.objects.values_list("registration", flat=True)) == {
        nurlan.pk,
        gulnara.pk,
    }


def test_attendance_is_not_entered_for_a_session_still_to_come(manager, session, people):
    later = session.offering.sessions.exclude(pk=session.pk).get()
    page = manager.get(_url(later, "attendance/")).content.decode()
    assert "has not started yet" in page
    assert 'name="present"' not in page
    manager.post(_url(later, "attendance/"), {"present": [people["Ольга Ким"].pk]})
    assert not Attendance.objects.exists()


def test_the_entry_afterwards_is_scoped_like_the_roster(client, network, session):
    client.force_login(network.users[Role.FACILITATOR])
    assert client.get(_url(session, "attendance/")).status_code == 404


def _pdf_text(content: bytes) -> str:
    result = subprocess.run(
        ["/usr/bin/pdftotext", "-layout", "-", "-"], input=content, capture_output=True, check=True
    )
    return result.stdout.decode()


def test_the_printable_roster_lists_everyone_with_kyrgyz_letters(manager, session, people):
    response = manager.get(_url(session, "roster.pdf", "ky"))
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response.content)
    for name, registration in people.items():
        assert name in text  # ң ө ү survive: the font has them
        assert registration.short_code in text
        # Spaced for reading out: +996 555 000 001.
        assert phone_for_contact(registration.participant.phone) in text
    assert session.offering.center.name_ky in text
    assert "Чоң зал" in text
    assert "Келди: колу" in text


def test_the_printable_roster_is_in_the_staff_members_language(manager, session, people):
    text = _pdf_text(manager.get(_url(session, "roster.pdf", "ru")).content)
    assert session.offering.program.title_ru in text
    assert "Большой зал" in text


def test_the_printable_roster_of_another_center_is_not_found(client, network, session):
    client.force_login(network.users[Role.FACILITATOR])
    assert client.get(_url(session, "roster.pdf")).status_code == 404


def test_the_offering_page_links_each_session_to_its_roster(manager, session):
    page = manager.get(f"/ky/staff/schedule/offerings/{session.offering.pk}/").content.decode()
    assert f'href="/ky/staff/sessions/{session.pk}/roster/"' in page


def test_todays_list_shows_cancelled_sessions_as_such(manager, session):
    today = timezone.localdate()
    for hour, status in ((9, "scheduled"), (20, "cancelled")):
        SessionFactory(
            offering=session.offering,
            starts_at=at(today, hour),
            ends_at=at(today, hour, 45),
            status=status,
        )
    page = manager.get("/ky/staff/check-in/").content.decode()
    assert page.index("09:00") < page.index("20:00")
    assert page.count('class="row-cancelled"') == 1
