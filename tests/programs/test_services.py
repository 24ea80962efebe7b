"""Program services against the database: create, edit, status moves, proposals, audiences."""

import pytest

from bilim.accounts.models import Role
from bilim.programs.errors import ProgramsError
from bilim.programs.models import Audience, Program
from bilim.programs.services import (
    audience_create,
    program_approve,
    program_create,
    program_decline,
    program_propose,
    program_set_status,
    program_update,
    program_upsert,
    theme_upsert,
)
from tests.factories import PartnerFactory

from .conftest import program_fields

pytestmark = pytest.mark.django_db


def test_a_new_program_is_a_draft_with_texts_per_language_and_links(network):
    program = program_create(
        fields=program_fields(lead_partner=network.partner, partners=[network.other_partner])
    )
    program.refresh_from_db()
    assert program.status == Program.Status.DRAFT
    assert (program.title_ky, program.title_ru) == ("Шайлоо укугу", "Избирательное право")
    # Languages are kept in the site's order, whatever order they were ticked in.
    assert program.languages == ["ky", "ru"]
    assert list(program.audiences.values_list("code", flat=True)) == ["youth"]
    assert list(program.partners.all()) == [network.other_partner]


def test_the_code_is_made_from_the_kyrgyz_title_and_never_repeats(db):
    first = program_create(fields=program_fields())
    second = program_create(fields=program_fields())
    assert first.code == "shayloo-ukugu"
    assert second.code == "shayloo-ukugu-2"


def test_a_code_already_taken_or_reserved_is_refused(network):
    with pytest.raises(ProgramsError) as error:
        program_create(fields=program_fields(), code=network.own_program.code)
    assert error.value.field == "code"
    with pytest.raises(ProgramsError):
        program_create(fields=program_fields(), code="proposals")


def test_the_lead_partner_is_not_also_listed_as_co_delivering(network):
    program = program_create(
        fields=program_fields(lead_partner=network.partner, partners=[network.partner])
    )
    assert not program.partners.exists()


def test_update_changes_texts_and_keeps_code_and_status(network):
    program = network.own_program
    program_update(
        program=program,
        fields=program_fields(titles={"ky": "Жаңы аталыш", "ru": "Новое название", "en": "New"}),
    )
    program.refresh_from_db()
    assert program.title_en == "New"
    assert program.status == Program.Status.PUBLISHED
    assert program.code.startswith("program-")


@pytest.mark.parametrize(
    ("start", "to", "allowed"),
    [
        ("draft", "published", True),
        ("draft", "archived", True),
        ("published", "archived", True),
        ("archived", "published", True),
        ("archived", "draft", True),
        ("published", "draft", False),
        ("proposed", "published", False),
        ("draft", "proposed", False),
        ("draft", "nonsense", False),
    ],
)
def test_status_moves_follow_the_transitions(db, start, to, allowed):
    program = program_create(fields=program_fields())
    Program.objects.filter(pk=program.pk).update(status=start)
    if allowed:
        assert program_set_status(program=program, status=to).status == to
    else:
        with pytest.raises(ProgramsError):
            program_set_status(program=program, status=to)
        program.refresh_from_db()
        assert program.status == start


def test_a_partner_proposes_and_always_leads_the_proposal(network):
    program = program_propose(
        partner=network.partner, fields=program_fields(lead_partner=network.other_partner)
    )
    assert program.status == Program.Status.PROPOSED
    assert program.proposed_by == network.partner
    assert program.lead_partner == network.partner


def test_approving_publishes_and_keeps_who_decided(network):
    program = program_propose(partner=network.partner, fields=program_fields())
    national = network.users[Role.NATIONAL]
    program_approve(program=program, author=national, comment="Жакшы")
    program.refresh_from_db()
    assert program.status == Program.Status.PUBLISHED
    assert (program.decided_by, program.decision_comment) == (national, "Жакшы")
    assert program.decided_at is not None


def test_declining_needs_a_comment(network):
    program = program_propose(partner=network.partner, fields=program_fields())
    with pytest.raises(ProgramsError) as error:
        program_decline(program=program, author=network.users[Role.NATIONAL], comment="  ")
    assert error.value.field == "comment"
    program.refresh_from_db()
    assert program.status == Program.Status.PROPOSED


def test_a_declined_proposal_can_be_revised_and_proposed_again(network):
    program = program_propose(partner=network.partner, fields=program_fields())
    program_decline(program=program, author=network.users[Role.NATIONAL], comment="Кыскартыңыз")
    revised = program_propose(
        partner=network.partner, program=program, fields=program_fields(session_count=2)
    )
    assert revised.status == Program.Status.PROPOSED
    assert revised.session_count == 2
    assert revised.decision_comment == ""


def test_only_the_proposing_partner_revises_and_only_open_proposals(network):
    program = program_propose(partner=network.partner, fields=program_fields())
    with pytest.raises(ProgramsError):
        program_propose(partner=network.other_partner, program=program, fields=program_fields())
    program_approve(program=program, author=network.users[Role.NATIONAL])
    with pytest.raises(ProgramsError):
        program_propose(partner=network.partner, program=program, fields=program_fields())


def test_only_a_waiting_proposal_is_decided(network):
    with pytest.raises(ProgramsError):
        program_approve(program=network.own_program, author=network.users[Role.NATIONAL])


def test_the_national_office_adds_an_audience(db):
    audience = audience_create(
        names={"ky": "Мигранттар", "ru": "Мигранты", "en": "Migrants"},
    )
    assert audience.code == "migrants"
    assert Audience.objects.get(code="migrants").name_ru == "Мигранты"


def test_an_audience_with_the_same_name_is_refused(db):
    with pytest.raises(ProgramsError):
        audience_create(names={"ky": "Жаштар", "ru": "Подростки", "en": ""})


def test_loaders_still_upsert_programs_and_themes(db):
    PartnerFactory(slug="cec")
    theme_upsert(code="elections", names={"ky": "Шайлоо", "ru": "Выборы", "en": "Elections"})
    program = program_upsert(
        code="voters",
        direction="civic",
        activity_type="course",
        titles={"ky": "Шайлоочу", "ru": "Избиратель", "en": "Voter"},
        summaries={"ky": "к", "ru": "р", "en": "e"},
        descriptions={"ky": "", "ru": "", "en": ""},
        session_count=1,
        hours=2,
        languages=["ky"],
        themes=["elections"],
        lead_partner="cec",
    )
    assert program.themes.get().code == "elections"
