"""Recording consultations: the seed, the outcome rules, optional demographics, the link."""

import pytest
from django.db import IntegrityError, transaction
from django.utils import translation

from bilim.accounts.models import Role
from bilim.helpdesk.errors import HelpdeskError
from bilim.helpdesk.models import Consultation, ServiceCategory
from bilim.helpdesk.reference import CATEGORIES
from bilim.helpdesk.services import consultation_create
from tests.helpdesk.conftest import participant


def _create(network, category, **changes):
    values = {
        "center": network.center_a1,
        "entered_by": network.users[Role.CENTER],
        "category": category,
        "outcome": "resolved",
        "duration_minutes": 10,
        "channel": "walk_in",
        **changes,
    }
    return consultation_create(**values)


def test_seeded_categories_have_names_in_three_languages(db):
    categories = ServiceCategory.objects.all()
    assert categories.count() == len(CATEGORIES) >= 15
    signature = categories.get(code="e-signature")
    for lang, word in (("ky", "кол тамга"), ("ru", "подпись"), ("en", "e-signature")):
        with translation.override(lang):
            assert word in signature.name
    assert all(c.name_ky and c.name_ru and c.name_en for c in categories)
    # Kyrgyz names are written with the Kyrgyz letters, not their Russian look-alikes.
    assert any(ch in "".join(c.name_ky for c in categories) for ch in "ңөү")


def test_a_resolved_consultation_needs_no_name_and_no_demographics(network, category):
    consultation = _create(network, category)
    assert consultation.outcome == "resolved"
    assert consultation.participant is None
    assert (consultation.sex, consultation.age_band, consultation.disability) == (
        "not_disclosed",
        "not_disclosed",
        "not_disclosed",
    )


def test_referred_needs_the_agency(network, category):
    with pytest.raises(HelpdeskError) as error:
        _create(network, category, outcome="referred", referred_to="  ")
    assert error.value.field == "referred_to"
    saved = _create(network, category, outcome="referred", referred_to="ЦОН №3")
    assert saved.referred_to == "ЦОН №3"


def test_not_resolved_needs_the_reason(network, category):
    with pytest.raises(HelpdeskError) as error:
        _create(network, category, outcome="not_resolved")
    assert error.value.field == "not_resolved_reason"
    saved = _create(
        network, category, outcome="not_resolved", not_resolved_reason="Портал иштеген жок"
    )
    assert saved.not_resolved_reason == "Портал иштеген жок"


def test_text_of_another_outcome_is_not_kept(network, category):
    saved = _create(network, category, outcome="resolved", referred_to="Соцфонд")
    assert saved.referred_to == ""


@pytest.mark.parametrize("minutes", [0, 241])
def test_duration_outside_1_to_240_minutes_is_refused(network, category, minutes):
    with pytest.raises(HelpdeskError):
        _create(network, category, duration_minutes=minutes)


def test_the_database_refuses_a_referral_without_agency(network, category):
    with pytest.raises(IntegrityError), transaction.atomic():
        Consultation.objects.create(
            center=network.center_a1,
            category=category,
            outcome="referred",
            duration_minutes=5,
            channel="phone",
        )


def test_a_participant_is_linked_only_when_the_person_agrees(network, category):
    person = participant("Айгүл Осмонова")
    with pytest.raises(HelpdeskError) as error:
        _create(network, category, participant=person)
    assert error.value.field == "agrees"
    linked = _create(network, category, participant=person, person_agreed=True)
    assert linked.participant == person


def test_a_retired_category_cannot_be_chosen(network, category):
    category.active = False
    category.save()
    with pytest.raises(HelpdeskError):
        _create(network, category)
