"""Role × page matrix for the programs' staff pages, and the rows each scope shows."""

import pytest
from django.urls import reverse

from bilim.accounts.models import Role
from bilim.programs.models import Program
from bilim.programs.services import material_add, program_propose
from bilim.scheduling.proposals import offering_propose
from tests.factories import ProgramFactory

from .conftest import program_fields

VIEWERS = {Role.NATIONAL, Role.REGION, Role.CENTER, Role.PARTNER, Role.OPERATOR}
NATIONAL = {Role.NATIONAL}
PARTNER = {Role.PARTNER}


@pytest.fixture
def catalog(network):
    """A proposal of the network's partner, one of the other partner, a material, an offering."""
    proposal = program_propose(
        partner=network.partner,
        fields=program_fields(titles={"ky": "Сунуш", "ru": "Предложение", "en": "Own proposal"}),
    )
    foreign_proposal = program_propose(
        partner=network.other_partner,
        fields=program_fields(titles={"ky": "Башка", "ru": "Другое", "en": "Foreign proposal"}),
    )
    material = material_add(
        program=network.own_program,
        kind="video",
        titles={"ky": "Манас"},
        url="https://www.youtube.com/watch?v=manas",
    )
    offering = offering_propose(
        partner=network.partner,
        program=network.own_program,
        center=network.center_a1,
        format="offline",
        language="ky",
        capacity=15,
    )
    return {
        "proposal": proposal,
        "foreign_proposal": foreign_proposal,
        "material": material,
        "offering": offering,
    }


# page name -> (arguments from the fixtures, roles allowed)
PAGES = {
    "programs:staff-program-list": (lambda n, c: [], VIEWERS),
    "programs:staff-program-detail": (lambda n, c: [n.own_program.code], VIEWERS),
    "programs:staff-program-create": (lambda n, c: [], NATIONAL),
    "programs:staff-program-edit": (lambda n, c: [n.own_program.code], NATIONAL),
    "programs:staff-program-decide": (lambda n, c: [c["proposal"].code], NATIONAL),
    "scheduling:staff-proposal-list": (lambda n, c: [], NATIONAL),
    "programs:staff-audience-list": (lambda n, c: [], NATIONAL),
    "programs:staff-material-create": (lambda n, c: [n.own_program.code], NATIONAL),
    "programs:staff-material-delete": (
        lambda n, c: [n.own_program.code, c["material"].pk],
        NATIONAL,
    ),
    "scheduling:staff-offering-decide": (lambda n, c: [c["offering"].pk], NATIONAL),
    "programs:staff-program-propose": (lambda n, c: [], PARTNER),
    "programs:staff-program-revise": (lambda n, c: [c["proposal"].code], PARTNER),
    "scheduling:staff-offering-propose": (lambda n, c: [], PARTNER),
}


def _url(page, network, catalog):
    arguments, _allowed = PAGES[page]
    return reverse(page, args=arguments(network, catalog))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", list(Role))
def test_each_role_opens_exactly_its_program_pages(client, network, catalog, role, page):
    client.force_login(network.users[role])
    response = client.get(_url(page, network, catalog))
    assert response.status_code == (200 if role in PAGES[page][1] else 403)


@pytest.mark.parametrize("page", [*PAGES, "programs:staff-program-status"])
def test_anonymous_visitor_is_sent_to_sign_in(client, network, catalog, page):
    args = [network.own_program.code] if page == "programs:staff-program-status" else None
    url = reverse(page, args=args) if args else _url(page, network, catalog)
    response = client.get(url)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("page", PAGES)
def test_user_without_a_role_is_refused(client, network, catalog, page):
    client.force_login(network.no_role)
    assert client.get(_url(page, network, catalog)).status_code == 403


@pytest.mark.parametrize("role", list(Role))
def test_only_the_national_office_changes_a_status(client, network, role):
    client.force_login(network.users[role])
    url = reverse("programs:staff-program-status", args=[network.own_program.code])
    response = client.post(url, {"status": "archived"})
    network.own_program.refresh_from_db()
    archived = network.own_program.status == Program.Status.ARCHIVED
    assert (response.status_code, archived) == ((302, True) if role in NATIONAL else (403, False))


@pytest.mark.parametrize(
    "page",
    [
        "programs:staff-program-edit",
        "programs:staff-program-decide",
        "programs:staff-material-delete",
        "scheduling:staff-offering-decide",
    ],
)
def test_posting_is_guarded_like_reading(client, network, catalog, page):
    client.force_login(network.users[Role.PARTNER])
    assert client.post(_url(page, network, catalog), {"action": "approve"}).status_code == 403
    catalog["proposal"].refresh_from_db()
    assert catalog["proposal"].status == Program.Status.PROPOSED


ALL_TITLES = {"Own program", "Co program", "Foreign program", "Own proposal", "Foreign proposal"}
CATALOG = {"Own program", "Co program", "Foreign program"}
# role -> the programs (by English title) its staff list shows; the others must not appear
SEEN = {
    Role.NATIONAL: ALL_TITLES,
    Role.REGION: CATALOG,
    Role.CENTER: CATALOG,
    Role.OPERATOR: CATALOG,
    Role.PARTNER: {"Own program", "Co program", "Own proposal"},
}


@pytest.mark.parametrize("role", list(SEEN))
def test_program_list_shows_exactly_the_programs_in_scope(client, network, catalog, role):
    client.force_login(network.users[role])
    html = client.get("/en/staff/programs/").content.decode()
    for title in ALL_TITLES:
        assert (title in html) == (title in SEEN[role]), title


@pytest.mark.parametrize(
    ("role", "program", "status"),
    [
        (Role.PARTNER, "own_program", 200),
        (Role.PARTNER, "co_program", 200),
        (Role.PARTNER, "foreign_program", 404),
        (Role.PARTNER, "foreign_proposal", 404),
        (Role.REGION, "foreign_program", 200),
        (Role.REGION, "proposal", 404),
        (Role.CENTER, "proposal", 404),
        (Role.NATIONAL, "foreign_proposal", 200),
    ],
)
def test_program_page_outside_scope_is_not_found(client, network, catalog, role, program, status):
    code = (catalog.get(program) or getattr(network, program)).code
    client.force_login(network.users[role])
    assert client.get(f"/en/staff/programs/{code}/").status_code == status


def test_a_partner_cannot_revise_a_program_it_did_not_propose(client, network, catalog):
    client.force_login(network.users[Role.PARTNER])
    for code in (catalog["foreign_proposal"].code, network.own_program.code):
        assert client.get(f"/en/staff/programs/{code}/revise/").status_code == 404


def test_program_list_runs_a_fixed_number_of_queries(
    client, network, catalog, django_assert_max_num_queries
):
    for _ in range(15):
        ProgramFactory(lead_partner=network.partner)
    for role in (Role.NATIONAL, Role.PARTNER):
        client.force_login(network.users[role])
        with django_assert_max_num_queries(8):
            response = client.get("/en/staff/programs/")
        assert response.status_code == 200


def test_proposal_list_runs_a_fixed_number_of_queries(
    client, network, catalog, django_assert_max_num_queries
):
    for _ in range(5):
        offering_propose(
            partner=network.partner,
            program=network.own_program,
            center=network.center_a2,
            format="offline",
            language="ru",
            capacity=10,
        )
    client.force_login(network.users[Role.NATIONAL])
    with django_assert_max_num_queries(8):
        response = client.get("/en/staff/programs/proposals/")
    assert len(response.context["offerings"]) == 6
