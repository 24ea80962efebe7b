"""Partners propose programs and offerings; the national office approves or declines them."""

import datetime

import pytest
from django.urls import reverse

from bilim.accounts.models import Role
from bilim.partners.models import Direction
from bilim.programs.errors import ProgramsError
from bilim.programs.models import Program
from bilim.programs.services import program_propose
from bilim.scheduling.errors import SchedulingError
from bilim.scheduling.models import Offering, Session
from bilim.scheduling.proposals import offering_approve, offering_propose
from tests.factories import RoomFactory
from tests.scheduling.factories import OfferingFactory, SessionFactory, next_weekday

from .conftest import program_fields


def _proposal_form(**overrides):
    data = {
        "title_ky": "Дебат клубу",
        "title_ru": "Дебатный клуб",
        "summary_ky": "Жаштар үчүн дебаттар",
        "summary_ru": "Дебаты для молодёжи",
        "direction": Direction.objects.get(code="civic").pk,
        "activity_type": "debate_club",
        "languages": ["ky"],
        "session_count": "8",
        "hours": "12",
    }
    data.update(overrides)
    return data


@pytest.fixture
def partner_client(client, network):
    client.force_login(network.users[Role.PARTNER])
    return client


def test_a_partner_proposes_a_program_over_the_form(partner_client, network):
    response = partner_client.post(
        reverse("programs:staff-program-propose"),
        # The form has no lead partner field: a forged one is ignored.
        _proposal_form(lead_partner=network.other_partner.pk),
    )
    program = Program.objects.get(title_ru="Дебатный клуб")
    assert response["Location"] == reverse("programs:staff-program-detail", args=[program.code])
    assert program.status == Program.Status.PROPOSED
    assert (program.lead_partner, program.proposed_by) == (network.partner, network.partner)


def test_the_proposal_form_keeps_input_on_errors(partner_client, network):
    response = partner_client.post(
        reverse("programs:staff-program-propose"), _proposal_form(summary_ru="", hours="-1")
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"summary_ru", "hours"}
    assert "Дебат клубу" in response.content.decode()
    assert not Program.objects.filter(title_ky="Дебат клубу").exists()


def test_the_national_office_sees_and_approves_a_proposal(client, network):
    program = program_propose(partner=network.partner, fields=program_fields())
    client.force_login(network.users[Role.NATIONAL])
    listing = client.get(reverse("scheduling:staff-proposal-list")).content.decode()
    assert program.title in listing
    response = client.post(
        reverse("programs:staff-program-decide", args=[program.code]),
        {"action": "approve", "comment": ""},
    )
    assert response["Location"] == reverse("scheduling:staff-proposal-list")
    program.refresh_from_db()
    assert program.status == Program.Status.PUBLISHED
    assert (
        program.title not in client.get(reverse("scheduling:staff-proposal-list")).content.decode()
    )


def test_declining_without_a_comment_is_an_error_on_the_page(client, network):
    program = program_propose(partner=network.partner, fields=program_fields())
    client.force_login(network.users[Role.NATIONAL])
    response = client.post(
        reverse("programs:staff-program-decide", args=[program.code]),
        {"action": "decline", "comment": ""},
    )
    assert response.status_code == 200
    assert "comment" in response.context["decision_form"].errors
    assert 'class="error-summary"' in response.content.decode()
    program.refresh_from_db()
    assert program.status == Program.Status.PROPOSED


def test_a_declined_partner_reads_the_comment_and_revises(client, network):
    program = program_propose(partner=network.partner, fields=program_fields())
    client.force_login(network.users[Role.NATIONAL])
    client.post(
        reverse("programs:staff-program-decide", args=[program.code]),
        {"action": "decline", "comment": "Сабактардын санын азайтыңыз."},
    )
    client.force_login(network.users[Role.PARTNER])
    detail = client.get(reverse("programs:staff-program-detail", args=[program.code]))
    html = detail.content.decode()
    assert "Сабактардын санын азайтыңыз." in html
    assert reverse("programs:staff-program-revise", args=[program.code]) in html
    response = client.post(
        reverse("programs:staff-program-revise", args=[program.code]),
        _proposal_form(session_count="4"),
    )
    assert response.status_code == 302
    program.refresh_from_db()
    assert (program.status, program.session_count) == (Program.Status.PROPOSED, 4)


# Offerings -------------------------------------------------------------------------------


@pytest.fixture
def room(network):
    return RoomFactory(center=network.center_a1)


def _offering_form(network, room, **overrides):
    day = next_weekday(2)
    data = {
        "program": network.own_program.pk,
        "format": "offline",
        "center": network.center_a1.pk,
        "language": "ru",
        "capacity": "12",
        "first_day": day.isoformat(),
        "last_day": (day + datetime.timedelta(days=7)).isoformat(),
        "weekdays": [str(day.weekday())],
        "starts": "14:00",
        "ends": "16:00",
        "room": room.pk,
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_a_partner_proposes_an_offering_with_its_sessions(partner_client, network, room):
    response = partner_client.post(
        reverse("scheduling:staff-offering-propose"), _offering_form(network, room)
    )
    assert response["Location"] == reverse("programs:staff-program-list")
    offering = Offering.objects.get()
    assert (offering.status, offering.proposed_by) == (Offering.Status.PROPOSED, network.partner)
    assert offering.sessions.filter(room=room).count() == 2
    # The partner follows its proposal on the program list.
    html = partner_client.get("/en/staff/programs/").content.decode()
    assert "Offerings you proposed" in html
    assert "2 sessions from" in html


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"center": ""}, "center"),
        ({"starts": ""}, "starts"),
        ({"ends": "13:00"}, "ends"),
        ({"capacity": "0"}, "capacity"),
    ],
)
def test_the_offering_form_keeps_input_on_errors(partner_client, network, room, overrides, field):
    response = partner_client.post(
        reverse("scheduling:staff-offering-propose"), _offering_form(network, room, **overrides)
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert response.context["form"]["language"].value() == "ru"
    assert not Offering.objects.exists()


def test_a_room_of_another_center_is_refused(partner_client, network):
    other_room = RoomFactory(center=network.center_a2)
    response = partner_client.post(
        reverse("scheduling:staff-offering-propose"), _offering_form(network, other_room)
    )
    assert "room" in response.context["form"].errors


def test_a_partner_offers_only_its_own_published_programs(partner_client, network, room):
    response = partner_client.post(
        reverse("scheduling:staff-offering-propose"),
        _offering_form(network, room, program=network.foreign_program.pk),
    )
    assert "program" in response.context["form"].errors
    with pytest.raises(ProgramsError):
        offering_propose(
            partner=network.partner,
            program=network.foreign_program,
            center=network.center_a1,
            format="offline",
            language="ky",
            capacity=5,
        )


def test_the_national_office_approves_an_offering(client, network, room):
    offering = offering_propose(
        partner=network.partner,
        program=network.co_program,
        center=network.center_a1,
        format="offline",
        language="ky",
        capacity=10,
    )
    client.force_login(network.users[Role.NATIONAL])
    url = reverse("scheduling:staff-offering-decide", args=[offering.pk])
    assert network.co_program.title in client.get(url).content.decode()
    response = client.post(url, {"action": "approve"})
    assert response.status_code == 302
    offering.refresh_from_db()
    assert offering.status == Offering.Status.PUBLISHED
    # Decided: no longer a proposal.
    assert client.get(url).status_code == 404


def test_approval_is_refused_when_the_room_was_taken_meanwhile(client, network, room):
    day = next_weekday(3)
    proposed = OfferingFactory(
        program=network.own_program,
        center=network.center_a1,
        status=Offering.Status.PROPOSED,
        proposed_by=network.partner,
    )
    start = datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC)
    SessionFactory(offering=proposed, room=room, starts_at=start)
    SessionFactory(offering=OfferingFactory(center=network.center_a1), room=room, starts_at=start)
    client.force_login(network.users[Role.NATIONAL])
    response = client.post(
        reverse("scheduling:staff-offering-decide", args=[proposed.pk]), {"action": "approve"}
    )
    assert response.status_code == 200
    assert room.name in response.content.decode()
    proposed.refresh_from_db()
    assert proposed.status == Offering.Status.PROPOSED
    with pytest.raises(SchedulingError):
        offering_approve(offering=proposed)


def test_declining_an_offering_needs_a_reason_and_cancels_it(client, network, room):
    offering = offering_propose(
        partner=network.partner,
        program=network.own_program,
        center=network.center_a1,
        format="offline",
        language="ky",
        capacity=10,
    )
    SessionFactory(offering=offering, room=room)
    client.force_login(network.users[Role.NATIONAL])
    url = reverse("scheduling:staff-offering-decide", args=[offering.pk])
    response = client.post(url, {"action": "decline", "comment": ""})
    assert "comment" in response.context["form"].errors
    client.post(url, {"action": "decline", "comment": "Бул залда ремонт болот."})
    offering.refresh_from_db()
    assert offering.status == Offering.Status.CANCELLED
    session = offering.sessions.get()
    assert (session.status, session.cancel_reason) == (
        Session.Status.CANCELLED,
        "Бул залда ремонт болот.",
    )
