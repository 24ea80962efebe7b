"""The help-desk page over HTTP: who reaches it, the form's rules, today's list."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from bilim.accounts.models import Role
from bilim.accounts.services import role_assign
from bilim.helpdesk.models import Consultation, ServiceCategory
from tests.factories import UserFactory
from tests.helpdesk.conftest import participant

URL = "/ky/staff/helpdesk/"
ALLOWED = {Role.NATIONAL, Role.CENTER}


def _post(client, category, **changes):
    data = {
        "category": category.pk,
        "outcome": "resolved",
        "duration": "10",
        "channel": "walk_in",
        **changes,
    }
    return client.post(URL, data)


@pytest.mark.parametrize("role", list(Role))
def test_only_center_managers_and_the_national_office_open_the_desk(client, network, role):
    client.force_login(network.users[role])
    expected = 200 if role in ALLOWED else 403
    assert client.get(URL).status_code == expected


def test_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(URL)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_staff_home_links_to_the_desk_only_for_those_who_may_use_it(client, network):
    link = reverse("helpdesk:consultation-log")
    client.force_login(network.users[Role.CENTER])
    assert link in client.get("/ky/staff/").content.decode()
    client.force_login(network.users[Role.OPERATOR])
    assert link not in client.get("/ky/staff/").content.decode()


@pytest.mark.parametrize(
    ("lang", "name"),
    [("ky", "Булуттагы электрондук кол тамга"), ("ru", "Облачная электронная подпись")],
)
def test_categories_are_listed_in_the_page_language(client, network, lang, name):
    client.force_login(network.users[Role.CENTER])
    html = client.get(f"/{lang}/staff/helpdesk/").content.decode()
    assert name in html
    assert html.count('name="category"') == ServiceCategory.objects.count()


def test_a_center_manager_logs_a_consultation_for_their_center(client, network, category):
    client.force_login(network.users[Role.CENTER])
    response = _post(client, category, channel="phone", sex="female", age_band="65_plus")
    assert response.status_code == 302
    consultation = Consultation.objects.get()
    assert consultation.center == network.center_a1
    assert consultation.entered_by == network.users[Role.CENTER]
    assert (consultation.sex, consultation.age_band, consultation.disability) == (
        "female",
        "65_plus",
        "not_disclosed",
    )
    page = client.get(response["Location"]).content.decode()
    with translation.override("ky"):
        assert category.name in page  # the success message and today's list
    # The form is blank again but the phone shift stays on the phone.
    assert re.search(r'name="channel" value="phone"[^>]*checked', page)
    assert re.search(r'name="sex" value="not_disclosed"[^>]*checked', page)
    assert not re.search(r'name="category"[^>]*checked', page)


def test_a_center_manager_cannot_log_for_another_center(client, network, category):
    client.force_login(network.users[Role.CENTER])
    response = _post(client, category, center=network.center_a2.pk)
    assert response.status_code == 200
    assert not Consultation.objects.exists()
    assert network.center_a2.name not in response.content.decode()


def test_the_national_office_picks_the_center(client, network, category):
    client.force_login(network.users[Role.NATIONAL])
    page = client.get(URL).content.decode()
    assert 'id="center-picker"' in page
    _post(client, category, center=network.center_b2.pk)
    assert Consultation.objects.get().center == network.center_b2
    today = client.get(f"{URL}?center={network.center_b2.pk}").content.decode()
    assert "<strong>1</strong>" in today
    other = client.get(f"{URL}?center={network.center_a1.pk}").content.decode()
    assert "<strong>0</strong>" in other


def test_a_referral_without_agency_is_refused_and_the_entry_kept(client, network, category):
    client.force_login(network.users[Role.CENTER])
    response = _post(client, category, outcome="referred", duration="other", other_minutes="25")
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html
    with translation.override("ky"):
        from bilim.helpdesk.errors import NEEDS_AGENCY

        assert str(NEEDS_AGENCY) in html
    assert 'value="25"' in html
    assert not Consultation.objects.exists()


def test_not_resolved_without_reason_is_refused(client, network, category):
    client.force_login(network.users[Role.CENTER])
    response = _post(client, category, outcome="not_resolved")
    assert response.status_code == 200
    assert not Consultation.objects.exists()


def test_other_duration_is_used_when_chosen(client, network, category):
    client.force_login(network.users[Role.CENTER])
    _post(client, category, duration="other", other_minutes="45")
    assert Consultation.objects.get().duration_minutes == 45


def test_a_category_must_be_chosen(client, network, category):
    client.force_login(network.users[Role.CENTER])
    response = client.post(URL, {"outcome": "resolved", "duration": "10", "channel": "walk_in"})
    assert response.status_code == 200
    with translation.override("ky"):
        assert (
            translation.gettext("Choose what the person came about.") in response.content.decode()
        )
    assert not Consultation.objects.exists()


def test_linking_needs_the_persons_agreement(client, network, category):
    person = participant("Гүлзат Асанова", "+996555123456")
    client.force_login(network.users[Role.CENTER])
    refused = _post(client, category, phone="0555 123 456")
    assert refused.status_code == 200
    assert not Consultation.objects.exists()
    _post(client, category, phone="0555 123 456", agrees="on")
    assert Consultation.objects.get().participant == person


def test_an_unknown_phone_is_reported(client, network, category):
    client.force_login(network.users[Role.CENTER])
    response = _post(client, category, phone="0555 999 999", agrees="on")
    assert response.status_code == 200
    assert not Consultation.objects.exists()


def test_when_a_family_shares_a_phone_staff_choose_who(client, network, category):
    participant("Гүлзат Асанова", "+996555123456")
    son = participant("Бакыт Асанов", "+996555123456")
    client.force_login(network.users[Role.CENTER])
    response = _post(client, category, phone="0555 123 456", agrees="on")
    assert response.status_code == 200
    assert "Бакыт Асанов" in response.content.decode()
    _post(client, category, phone="0555 123 456", agrees="on", participant=son.pk)
    assert Consultation.objects.get().participant == son


def test_a_manager_of_two_centers_gets_the_picker(client, network, category):
    user = UserFactory(username="two")
    role_assign(user=user, role=Role.CENTER, center_id=network.center_a1.pk)
    role_assign(user=user, role=Role.CENTER, center_id=network.center_a2.pk)
    client.force_login(user)
    page = client.get(URL).content.decode()
    assert "Center A2" in page or network.center_a2.name in page
    assert "Center B1" not in page and network.center_b1.name not in page


def test_today_list_pins_its_query_count(client, network, category, django_assert_max_num_queries):
    client.force_login(network.users[Role.CENTER])
    for _ in range(3):
        _post(client, category)
    with django_assert_max_num_queries(12):
        html = client.get(URL).content.decode()
    assert "<strong>3</strong>" in html
