"""Correcting or removing a consultation logged by mistake: who may, until when, how."""

import datetime
import re

import pytest
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.helpdesk.errors import HelpdeskError
from bilim.helpdesk.models import Consultation, ServiceCategory
from bilim.helpdesk.services import consultation_delete, consultation_update
from tests.helpdesk.conftest import participant


def _log(network, center=None, *, days_ago: float = 0, **fields) -> Consultation:
    values = {
        "center": center or network.center_a1,
        "entered_by": network.users[Role.CENTER],
        "category": ServiceCategory.objects.get(code="e-signature"),
        "outcome": "referred",
        "referred_to": "ЦОН",
        "duration_minutes": 25,
        "channel": "walk_in",
        "sex": "female",
        "created_at": timezone.now() - datetime.timedelta(days=days_ago),
        **fields,
    }
    return Consultation.objects.create(**values)


def _edit_url(consultation: Consultation) -> str:
    return f"/en/staff/helpdesk/{consultation.pk}/edit/"


def _delete_url(consultation: Consultation) -> str:
    return f"/en/staff/helpdesk/{consultation.pk}/delete/"


def _correction(**changes):
    return {
        "category": ServiceCategory.objects.get(code="tax").pk,
        "outcome": "resolved",
        "duration": "15",
        "channel": "phone",
        "sex": "male",
        **changes,
    }


@pytest.fixture
def manager(client, network):
    client.force_login(network.users[Role.CENTER])
    return client


def test_todays_list_offers_to_edit_or_remove_each_consultation(manager, network):
    consultation = _log(network)
    html = manager.get("/en/staff/helpdesk/").content.decode()
    assert _edit_url(consultation) in html
    assert _delete_url(consultation) in html


def test_the_form_opens_with_what_was_logged(manager, network):
    consultation = _log(network, age_band="65_plus")
    html = manager.get(_edit_url(consultation)).content.decode()
    category = consultation.category_id
    assert re.search(rf'name="category" value="{category}"[^>]*checked', html)
    assert re.search(r'name="outcome" value="referred"[^>]*checked', html)
    assert 'value="ЦОН"' in html
    assert re.search(r'name="duration" value="other"[^>]*checked', html)
    assert re.search(r'name="other_minutes" value="25"', html)
    assert re.search(r'name="age_band" value="65_plus"[^>]*checked', html)
    assert '<details class="disclosure" open>' in html  # the demographics are shown
    assert "autofocus" not in html


def test_a_correction_is_saved_and_says_who_changed_it(manager, network):
    consultation = _log(network)
    response = manager.post(_edit_url(consultation), _correction())
    assert response.status_code == 302
    assert response["Location"].endswith(f"/staff/helpdesk/?center={network.center_a1.pk}")
    consultation.refresh_from_db()
    assert consultation.category.code == "tax"
    assert (consultation.outcome, consultation.referred_to) == ("resolved", "")
    assert (consultation.duration_minutes, consultation.channel, consultation.sex) == (
        15,
        "phone",
        "male",
    )
    assert consultation.updated_by == network.users[Role.CENTER]
    assert consultation.updated_at is not None
    assert consultation.entered_by == network.users[Role.CENTER]
    page = manager.get(_edit_url(consultation)).content.decode()
    assert "Last changed" in page


def test_a_wrong_correction_keeps_what_was_typed_and_changes_nothing(manager, network):
    consultation = _log(network)
    response = manager.post(
        _edit_url(consultation),
        _correction(outcome="not_resolved", duration="other", other_minutes="35"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "error-summary" in html
    assert "Write why the question was not resolved." in html
    assert 'value="35"' in html
    assert re.search(r'name="outcome" value="not_resolved"[^>]*checked', html)
    consultation.refresh_from_db()
    assert (consultation.outcome, consultation.duration_minutes) == ("referred", 25)
    assert consultation.updated_at is None


def test_a_correction_never_moves_the_consultation_to_another_center(manager, network):
    consultation = _log(network)
    manager.post(_edit_url(consultation), _correction(center=network.center_b1.pk))
    consultation.refresh_from_db()
    assert consultation.center == network.center_a1
    assert consultation.channel == "phone"


def test_removal_asks_first_and_happens_only_on_post(manager, network):
    consultation = _log(network)
    confirm = manager.get(_delete_url(consultation))
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "Remove this consultation?" in html
    assert 'method="post"' in html
    assert Consultation.objects.filter(pk=consultation.pk).exists()
    response = manager.post(_delete_url(consultation))
    assert response.status_code == 302
    assert not Consultation.objects.filter(pk=consultation.pk).exists()
    page = manager.get(response["Location"]).content.decode()
    assert "Removed: Cloud e-signature" in page


@pytest.mark.parametrize("days_ago", [7, 30])
def test_after_seven_days_it_cannot_be_changed_and_the_page_says_why(manager, network, days_ago):
    consultation = _log(network, days_ago=days_ago)
    for response in (
        manager.get(_edit_url(consultation)),
        manager.post(_edit_url(consultation), _correction()),
        manager.get(_delete_url(consultation)),
        manager.post(_delete_url(consultation)),
    ):
        assert response.status_code == 403
        assert "already counted in the reports" in response.content.decode()
    consultation.refresh_from_db()
    assert consultation.outcome == "referred"


def test_six_days_on_it_can_still_be_corrected(manager, network):
    consultation = _log(network, days_ago=6.9)
    assert manager.post(_edit_url(consultation), _correction()).status_code == 302


def test_another_centers_consultation_is_not_found(manager, network):
    consultation = _log(network, network.center_a2)
    assert manager.get(_edit_url(consultation)).status_code == 404
    assert manager.post(_edit_url(consultation), _correction()).status_code == 404
    assert manager.post(_delete_url(consultation)).status_code == 404
    assert Consultation.objects.filter(pk=consultation.pk).exists()


def test_the_national_office_corrects_any_center(client, network):
    consultation = _log(network, network.center_b2)
    client.force_login(network.users[Role.NATIONAL])
    assert client.post(_edit_url(consultation), _correction()).status_code == 302
    consultation.refresh_from_db()
    assert consultation.updated_by == network.users[Role.NATIONAL]


@pytest.mark.parametrize(
    "role", [Role.REGION, Role.ANALYST, Role.OPERATOR, Role.PARTNER, Role.FACILITATOR]
)
def test_roles_that_do_not_log_consultations_are_refused(client, network, role):
    consultation = _log(network)
    client.force_login(network.users[role])
    assert client.get(_edit_url(consultation)).status_code == 403
    assert client.post(_delete_url(consultation)).status_code == 403


def test_a_linked_participant_stays_linked_through_a_correction(manager, network):
    person = participant("Гүлзат Асанова", "+996555123456")
    consultation = _log(network, participant=person)
    html = manager.get(_edit_url(consultation)).content.decode()
    assert re.search(r'name="agrees"[^>]*checked', html)
    assert 'value="+996555123456"' in html
    data = _correction(agrees="on", phone="+996555123456")
    assert manager.post(_edit_url(consultation), data).status_code == 302
    consultation.refresh_from_db()
    assert consultation.participant == person


# --- The services ---


def test_update_applies_the_rules_of_a_new_consultation(network):
    consultation = _log(network)
    with pytest.raises(HelpdeskError) as error:
        consultation_update(
            consultation=consultation,
            updated_by=None,
            category=consultation.category,
            outcome="referred",
            referred_to=" ",
            duration_minutes=10,
            channel="walk_in",
        )
    assert error.value.field == "referred_to"
    consultation.refresh_from_db()
    assert consultation.referred_to == "ЦОН"


def test_a_service_retired_since_logging_may_stay(network):
    consultation = _log(network)
    ServiceCategory.objects.filter(pk=consultation.category_id).update(active=False)
    category = ServiceCategory.objects.get(pk=consultation.category_id)
    changed = consultation_update(
        consultation=consultation,
        updated_by=None,
        category=category,
        outcome="resolved",
        duration_minutes=10,
        channel="walk_in",
    )
    assert changed.outcome == "resolved"
    other = ServiceCategory.objects.get(code="tax")
    other.active = False
    other.save()
    with pytest.raises(HelpdeskError):
        consultation_update(
            consultation=consultation,
            updated_by=None,
            category=other,
            outcome="resolved",
            duration_minutes=10,
            channel="walk_in",
        )


def test_delete_keeps_to_the_seven_days(network):
    consultation = _log(network, days_ago=8)
    with pytest.raises(HelpdeskError):
        consultation_delete(consultation=consultation, deleted_by=None)
    assert Consultation.objects.filter(pk=consultation.pk).exists()
    recent = _log(network, days_ago=1)
    consultation_delete(consultation=recent, deleted_by=None)
    assert not Consultation.objects.filter(pk=recent.pk).exists()
