"""The public verification page, the participant's PDF, and the staff page of a group."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from bilim.accounts.models import Role
from bilim.certificates.models import Certificate
from bilim.certificates.services import certificate_revoke, certificates_issue

from .conftest import NOW, make_group

PHONE = "+996700000001"


@pytest.fixture
def issued(db):
    group = make_group()
    person = group.register("Айгүл Өмүрбекова", email="aigul@example.kg")
    group.attend(person, 4)
    [certificate] = certificates_issue(offering=group.offering, now=NOW)
    return certificate


def _verify(client, certificate, lang="ru"):
    with translation.override(lang):
        return client.get(reverse("certificates:verify", args=[certificate.verification_code]))


def test_a_valid_certificate_is_confirmed_with_the_name_and_nothing_more(client, issued):
    response = _verify(client, issued)
    page = response.content.decode()
    assert response.status_code == 200
    with translation.override("ru"):
        assert translation.gettext("The certificate is valid") in page
    assert "Айгүл Өмүрбекова" in page
    assert "Гражданское образование: избирательное право" in page  # in the page's language
    assert issued.number in page
    assert issued.registration.offering.center.name_ru in page
    with translation.override("ru"):
        issued_on = date_format(timezone.localtime(issued.issued_at), "DATE_FORMAT")
    assert issued_on in page
    for private in (PHONE, "700000001", "aigul@example.kg", issued.registration.token):
        assert private not in page
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in page


def test_a_revoked_certificate_says_so_with_the_date_only(client, issued, network):
    certificate_revoke(
        certificate=issued, reason="Attended another group", revoked_by=network.users[Role.CENTER]
    )
    response = _verify(client, issued, "ky")
    page = response.content.decode()
    assert response.status_code == 200
    with translation.override("ky"):
        assert translation.gettext("The certificate was revoked") in page
        assert translation.gettext("The certificate is valid") not in page
    assert issued.number in page
    assert "Attended another group" not in page
    assert "Айгүл Өмүрбекова" not in page


def test_an_unknown_code_is_not_found(client, db):
    response = client.get("/ru/certificates/verify/not-a-real-code/")
    assert response.status_code == 404
    with translation.override("ru"):
        assert translation.gettext("No certificate found") in response.content.decode()


def test_the_participant_downloads_their_certificate_from_their_link(client, issued):
    token = issued.registration.token
    response = client.get(reverse("certificates:pdf", args=[token]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert issued.number in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]


def test_no_pdf_without_a_valid_certificate(client, issued, network):
    group = make_group()
    without = group.register("Бакыт Жумабеков")
    assert client.get(reverse("certificates:pdf", args=[without.token])).status_code == 404
    assert client.get(reverse("certificates:pdf", args=["unknown"])).status_code == 404
    certificate_revoke(certificate=issued, reason="Mistake", revoked_by=network.users[Role.CENTER])
    url = reverse("certificates:pdf", args=[issued.registration.token])
    assert client.get(url).status_code == 404


# --- Staff page -----------------------------------------------------------------------------


@pytest.fixture
def ended(network):
    """An ended group at the center manager's center: one qualifies, one does not."""
    group = make_group(center=network.center_a1)
    group.attend(group.register("Айгүл Осмонова"), 3)
    group.attend(group.register("Бакыт Жумабеков"), 1)
    return group


def _page(client, offering):
    return client.get(f"/ru/staff/offerings/{offering.pk}/certificates/")


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (Role.NATIONAL, 200),
        (Role.REGION, 200),  # region A
        (Role.CENTER, 200),  # center A1
        (Role.FACILITATOR, 403),
        (Role.PARTNER, 403),
        (Role.OPERATOR, 403),
        (Role.ANALYST, 403),
    ],
)
def test_the_staff_page_is_for_the_people_who_run_the_group(client, network, ended, role, status):
    client.force_login(network.users[role])
    assert _page(client, ended.offering).status_code == status


def test_managers_of_other_places_do_not_see_the_group(client, network):
    group = make_group(center=network.center_b1)
    for role in (Role.CENTER, Role.REGION):
        client.force_login(network.users[role])
        assert _page(client, group.offering).status_code == 404


def test_signed_out_people_are_sent_to_sign_in(client, ended):
    response = _page(client, ended.offering)
    assert response.status_code == 302
    assert "/sign-in/" in response["Location"]


def test_the_staff_page_shows_who_qualifies_and_issues_on_a_button(
    client, network, ended, django_assert_max_num_queries
):
    client.force_login(network.users[Role.CENTER])
    with django_assert_max_num_queries(12):
        page = _page(client, ended.offering).content.decode()
    assert "Айгүл Осмонова" in page and "Бакыт Жумабеков" in page
    with translation.override("ru"):
        assert translation.gettext("Issue certificates") in page
    url = f"/ru/staff/offerings/{ended.offering.pk}/certificates/issue/"
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    [certificate] = Certificate.objects.all()
    assert certificate.registration.participant.name == "Айгүл Осмонова"
    assert certificate.issued_by == network.users[Role.CENTER]
    assert certificate.number in response.content.decode()
    client.post(url)
    assert Certificate.objects.count() == 1


def test_the_page_is_the_same_size_in_queries_for_a_larger_group(
    client, network, ended, django_assert_num_queries
):
    client.force_login(network.users[Role.CENTER])
    _page(client, ended.offering)
    with CaptureQueriesContext(connection) as before:
        _page(client, ended.offering)
    for n in range(5):
        ended.attend(ended.register(f"Гүлзат Бекова {n}"), 4)
    certificates_issue(offering=ended.offering, now=NOW)
    with django_assert_num_queries(len(before.captured_queries)):
        _page(client, ended.offering)


def test_no_issue_button_before_the_group_ends(client, network):
    group = make_group(center=network.center_a1, days_ago=-7)
    client.force_login(network.users[Role.CENTER])
    page = _page(client, group.offering).content.decode()
    with translation.override("ru"):
        assert translation.gettext("Issue certificates") not in page
    client.post(f"/ru/staff/offerings/{group.offering.pk}/certificates/issue/")
    assert not Certificate.objects.exists()


def test_a_manager_revokes_a_certificate_with_a_reason(client, network, ended):
    [certificate] = certificates_issue(offering=ended.offering, now=NOW)
    client.force_login(network.users[Role.CENTER])
    url = f"/ru/staff/certificates/{certificate.pk}/revoke/"
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    certificate.refresh_from_db()
    assert certificate.is_valid
    response = client.post(url, {"reason": "Signed in for a friend"})
    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.revoke_reason == "Signed in for a friend"
    assert certificate.revoked_by == network.users[Role.CENTER]
    page = _page(client, ended.offering).content.decode()
    assert "Signed in for a friend" in page  # staff see the reason


def test_staff_of_another_center_cannot_revoke_or_print(client, network):
    group = make_group(center=network.center_b1)
    group.attend(group.register("Айгүл Осмонова"), 4)
    [certificate] = certificates_issue(offering=group.offering, now=NOW)
    client.force_login(network.users[Role.CENTER])
    revoke = f"/ru/staff/certificates/{certificate.pk}/revoke/"
    assert client.post(revoke, {"reason": "x"}).status_code == 404
    assert client.get(f"/ru/staff/certificates/{certificate.pk}/certificate.pdf").status_code == 404
    certificate.refresh_from_db()
    assert certificate.is_valid


def test_a_manager_prints_a_certificate_for_someone_without_a_phone(client, network, ended):
    [certificate] = certificates_issue(offering=ended.offering, now=NOW)
    client.force_login(network.users[Role.CENTER])
    response = client.get(f"/ru/staff/certificates/{certificate.pk}/certificate.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
