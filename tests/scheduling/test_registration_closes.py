"""Registration closes when it should: at the last session's start, or when too late for the
certificate unless the program lets late joiners in (issue 12.6). One rule everywhere."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.attendance.services import walk_in_register
from bilim.programs.models import Program
from bilim.registrations.errors import RegistrationError
from bilim.registrations.models import Registration
from bilim.registrations.services import registration_create
from tests.factories import ProgramFactory
from tests.programs.test_staff_pages import _form as program_form
from tests.registrations.factories import PersonFactory
from tests.registrations.factories import sign_up_form as _form
from tests.scheduling.factories import OfferingFactory, SessionFactory

NOW = timezone.now()
HOUR = datetime.timedelta(hours=1)


def _group(network, starts: list[datetime.timedelta], *, rule=None, late_joiners=False):
    """A group at center A1 whose sessions start at NOW + each offset and last an hour."""
    program = ProgramFactory(
        certificate_min_attendance=rule, **({"late_joiners": True} if late_joiners else {})
    )
    offering = OfferingFactory(program=program, center=network.center_a1, capacity=10)
    for offset in starts:
        SessionFactory(offering=offering, starts_at=NOW + offset, ends_at=NOW + offset + HOUR)
    offering.refresh_from_db()
    return offering


def _person(n=1):
    return PersonFactory.build(n=n, name=f"Асел Бекова {n}", sex="female")


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_no_sign_up_once_the_only_session_is_under_way(client, network, lang):
    offering = _group(network, [-datetime.timedelta(minutes=30)])
    url = f"/{lang}/offerings/{offering.pk}/register/"
    page = client.get(url).content.decode()
    assert 'name="consent"' not in page  # no form to fill in for nothing
    client.post(url, _form())
    assert not Registration.objects.exists()


def test_no_sign_up_or_waitlist_once_the_last_session_began(network):
    offering = _group(network, [-3 * 24 * HOUR, -datetime.timedelta(minutes=5)])
    offering.capacity = 1
    offering.save()
    with pytest.raises(RegistrationError):
        registration_create(offering=offering, person=_person(), channel="web")


def test_the_program_page_says_why_a_group_is_closed_and_offers_no_button(client, network):
    offering = _group(network, [-datetime.timedelta(minutes=30)])
    page = client.get(f"/en/programs/{offering.program.code}/").content.decode()
    assert reverse("registrations:sign-up", args=[offering.pk])[3:] not in page
    assert "the group&#x27;s last session has already begun" in page


def test_too_few_sessions_left_for_the_certificate_closes_the_group(client, network):
    # 2 of 4 sessions left: at most 50 % attendance against a 75 % rule.
    offering = _group(network, [-48 * HOUR, -24 * HOUR, 24 * HOUR, 48 * HOUR], rule=75)
    with pytest.raises(RegistrationError):
        registration_create(offering=offering, person=_person(), channel="web")
    page = client.get(f"/en/programs/{offering.program.code}/").content.decode()
    assert "too few sessions are left to earn the certificate" in page
    assert f"/offerings/{offering.pk}/register/" not in page
    for lang in ("ky", "ru"):
        page = client.get(f"/{lang}/programs/{offering.program.code}/").content.decode()
        assert f"/{lang}/offerings/{offering.pk}/register/" not in page


def test_enough_sessions_left_keeps_the_group_open(network):
    # 3 of 4 left: 75 % is still reachable.
    offering = _group(network, [-24 * HOUR, 24 * HOUR, 48 * HOUR, 72 * HOUR], rule=75)
    outcome = registration_create(offering=offering, person=_person(), channel="web")
    assert outcome.registration.status == Registration.Status.CONFIRMED


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_late_joiners_may_register_and_are_told_no_certificate(client, network, lang):
    offering = _group(
        network, [-48 * HOUR, -24 * HOUR, 24 * HOUR, 48 * HOUR], rule=75, late_joiners=True
    )
    program_page = client.get(f"/{lang}/programs/{offering.program.code}/").content.decode()
    sign_up = f"/{lang}/offerings/{offering.pk}/register/"
    assert sign_up in program_page
    form_page = client.get(sign_up).content.decode()
    assert 'name="consent"' in form_page
    if lang == "en":
        assert "You can still attend, but not earn the certificate" in program_page
        assert "You can still attend, but not earn the certificate" in form_page
    response = client.post(sign_up, _form())
    registration = Registration.objects.get()
    assert response["Location"] == f"/{lang}/my/{registration.token}/"


def test_the_operator_console_uses_the_same_rule(client, network):
    closed = _group(network, [-48 * HOUR, -24 * HOUR, 24 * HOUR, 48 * HOUR], rule=75)
    started = _group(network, [-datetime.timedelta(minutes=30)])
    late = _group(
        network, [-48 * HOUR, -24 * HOUR, 24 * HOUR, 48 * HOUR], rule=75, late_joiners=True
    )
    client.force_login(network.users[Role.OPERATOR])
    page = client.get("/ru/staff/operator/").content.decode()
    assert reverse("operator:register", args=[closed.pk])[3:] not in page
    assert reverse("operator:register", args=[started.pk])[3:] not in page
    assert reverse("operator:register", args=[late.pk])[3:] in page


def test_a_walk_in_at_the_door_of_the_only_session_under_way_is_registered(network):
    offering = _group(network, [-datetime.timedelta(minutes=30)])
    walk_in = walk_in_register(session=offering.sessions.get(), person=_person(), marked_by=None)
    assert walk_in.registration.status == Registration.Status.CONFIRMED


def test_a_walk_in_is_refused_when_too_late_for_the_certificate(network):
    offering = _group(
        network, [-72 * HOUR, -48 * HOUR, -24 * HOUR, -datetime.timedelta(minutes=30)], rule=75
    )
    session = offering.sessions.order_by("starts_at").last()
    with pytest.raises(RegistrationError):
        walk_in_register(session=session, person=_person(), marked_by=None)


def test_staff_let_late_joiners_in_from_the_program_form(client, network):
    client.force_login(network.users[Role.NATIONAL])
    page = client.get("/ru" + reverse("programs:staff-program-create")[3:]).content.decode()
    assert 'name="late_joiners"' in page
    client.post(reverse("programs:staff-program-create"), program_form(late_joiners="on"))
    assert Program.objects.get(title_ru="Цифровая безопасность").late_joiners is True
    client.post(reverse("programs:staff-program-create"), program_form(title_ru="Другая"))
    assert Program.objects.get(title_ru="Другая").late_joiners is False
