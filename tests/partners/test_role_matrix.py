"""Role × page matrix for the partners' staff pages, and the rows each scope shows."""

import datetime

import pytest
from django.urls import reverse

from bilim.accounts.models import Role
from bilim.partners.services import agreement_save
from tests.factories import PartnerFactory

from .factories import ApplicationFactory, ContributionFactory, pdf_upload

VIEWERS = {Role.NATIONAL, Role.REGION, Role.PARTNER}
MANAGERS = {Role.NATIONAL}


@pytest.fixture
def registry(network, media):
    """The network's partner with an agreement (with its file), a contribution, an application;
    partners working in region A, in region B, and nationwide."""
    partner = network.partner
    agreement = agreement_save(
        partner=partner,
        kind="memorandum",
        number="1",
        signed_on=datetime.date(2026, 1, 1),
        valid_until=None,
        scopes={"ky": "x"},
        file=pdf_upload(),
    )
    in_a = PartnerFactory(slug="in-region-a", name_en="Works in A")
    in_a.regions.set([network.region_a])
    in_b = PartnerFactory(slug="in-region-b", name_en="Works in B")
    in_b.regions.set([network.region_b])
    both = PartnerFactory(slug="in-both", name_en="Works in A and B")
    both.regions.set([network.region_a, network.region_b])
    PartnerFactory(slug="nationwide", name_en="Works everywhere")
    return {
        "agreement": agreement,
        "contribution": ContributionFactory(partner=partner),
        "application": ApplicationFactory(),
        "in_b": in_b,
    }


# page name -> (arguments from the fixtures, roles allowed)
PAGES = {
    "partners:staff-partner-list": (lambda n, r: [], VIEWERS),
    "partners:staff-partner-detail": (lambda n, r: [n.partner.slug], VIEWERS),
    "partners:staff-agreement-file": (
        lambda n, r: [n.partner.slug, r["agreement"].pk],
        VIEWERS,
    ),
    "partners:staff-partner-create": (lambda n, r: [], MANAGERS),
    "partners:staff-partner-edit": (lambda n, r: [n.partner.slug], MANAGERS),
    "partners:staff-agreement-create": (lambda n, r: [n.partner.slug], MANAGERS),
    "partners:staff-agreement-edit": (
        lambda n, r: [n.partner.slug, r["agreement"].pk],
        MANAGERS,
    ),
    "partners:staff-contribution-create": (lambda n, r: [n.partner.slug], MANAGERS),
    "partners:staff-contribution-edit": (
        lambda n, r: [n.partner.slug, r["contribution"].pk],
        MANAGERS,
    ),
    "partners:staff-application-list": (lambda n, r: [], MANAGERS),
    "partners:staff-application-detail": (lambda n, r: [r["application"].pk], MANAGERS),
}


def _url(page, network, registry):
    arguments, _allowed = PAGES[page]
    return reverse(page, args=arguments(network, registry))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("role", list(Role))
def test_each_role_opens_exactly_its_partner_pages(client, network, registry, role, page):
    client.force_login(network.users[role])
    response = client.get(_url(page, network, registry))
    assert response.status_code == (200 if role in PAGES[page][1] else 403)


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_visitor_is_sent_to_sign_in(client, network, registry, page):
    response = client.get(_url(page, network, registry))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("page", PAGES)
def test_user_without_a_role_is_refused(client, network, registry, page):
    client.force_login(network.no_role)
    assert client.get(_url(page, network, registry)).status_code == 403


@pytest.mark.parametrize("page", ["partners:staff-partner-detail", "partners:staff-partner-edit"])
def test_posting_is_guarded_like_reading(client, network, registry, page):
    client.force_login(network.users[Role.ANALYST])
    assert client.post(_url(page, network, registry), {}).status_code == 403


ALL_NAMES = {
    "Works in A",
    "Works in B",
    "Works in A and B",
    "Works everywhere",
}
# role -> the partners (by English name) its staff list must show; the others must not appear
SEEN = {
    Role.NATIONAL: ALL_NAMES,
    Role.REGION: {"Works in A", "Works in A and B", "Works everywhere"},
    Role.PARTNER: set(),
}


@pytest.mark.parametrize("role", list(SEEN))
def test_partner_list_shows_exactly_the_partners_in_scope(client, network, registry, role):
    client.force_login(network.users[role])
    response = client.get("/en/staff/partners/")
    shown = {p.pk for p in response.context["partners"]}
    html = response.content.decode()
    for name in ALL_NAMES:
        assert (name in html) == (name in SEEN[role]), name
    # The network's two partners have no region: nationwide, so in region A too.
    own, other = network.partner.pk, network.other_partner.pk
    expected_network = {Role.NATIONAL: {own, other}, Role.REGION: {own, other}}
    assert shown >= expected_network.get(role, {own})
    if role == Role.PARTNER:
        assert shown == {own}


@pytest.mark.parametrize(
    ("role", "slug", "status"),
    [
        (Role.REGION, "in-region-a", 200),
        (Role.REGION, "nationwide", 200),
        (Role.REGION, "in-region-b", 404),
        (Role.PARTNER, "in-region-a", 404),
        (Role.PARTNER, "nationwide", 404),
        (Role.NATIONAL, "in-region-b", 200),
        (Role.NATIONAL, "nobody", 404),
    ],
)
def test_partner_page_outside_scope_is_not_found(client, network, registry, role, slug, status):
    client.force_login(network.users[role])
    assert client.get(f"/en/staff/partners/{slug}/").status_code == status


def test_signed_file_outside_scope_is_not_found(client, network, registry):
    agreement = agreement_save(
        partner=registry["in_b"],
        kind="contract",
        number="2",
        signed_on=registry["agreement"].signed_on,
        valid_until=None,
        scopes={},
        file=pdf_upload(),
    )
    client.force_login(network.users[Role.REGION])
    url = reverse("partners:staff-agreement-file", args=["in-region-b", agreement.pk])
    assert client.get(url).status_code == 404
    # Nor through the address of a partner in scope.
    url = reverse("partners:staff-agreement-file", args=["in-region-a", agreement.pk])
    assert client.get(url).status_code == 404
