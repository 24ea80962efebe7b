"""Staff pages of the partner registry and the application review, at the HTTP level."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from bilim.accounts.models import Role
from bilim.partners.models import (
    Agreement,
    Contribution,
    Direction,
    Partner,
    PartnershipApplication,
)
from tests.factories import PartnerFactory

from .factories import (
    AgreementFactory,
    ApplicationFactory,
    ContributionFactory,
    pdf_upload,
    png_upload,
)

Status = PartnershipApplication.Status


@pytest.fixture
def national(client, network):
    client.force_login(network.users[Role.NATIONAL])
    return client


def _partner_post(**changes):
    data = {
        "slug": "kg-media",
        "name_ky": "Кыргыз медиа борбору",
        "name_ru": "Кыргызский медиацентр",
        "name_en": "",
        "description_ky": "Шайлоо тууралуу видеолор",
        "description_ru": "Видео о выборах",
        "description_en": "",
        "kind": "media",
        "directions": [Direction.objects.get(code="civic").pk],
        "contact_person": "Эрмек Токтосунов",
        "email": "info@media.kg",
        "phone": "0312 620171",
        "website": "",
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_national_office_adds_a_partner_with_a_logo(national, media):
    response = national.post(
        reverse("partners:staff-partner-create"), {**_partner_post(), "logo": png_upload()}
    )
    assert response.status_code == 302
    partner = Partner.objects.get(slug="kg-media")
    assert response["Location"] == reverse("partners:staff-partner-detail", args=["kg-media"])
    assert partner.name_ru == "Кыргызский медиацентр" and partner.name_en == ""
    assert partner.phone == "+996 312 620 171"
    assert partner.logo.name is not None and partner.logo.name.startswith("partners/logos/")
    assert not partner.regions.exists()  # nationwide


def test_partner_form_errors_keep_the_input(national, media):
    response = national.post(
        "/ru/staff/partners/new/",
        _partner_post(slug="apply", name_ru="", directions=[], phone="12"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"slug", "name_ru", "directions", "phone"}
    assert "Кыргыз медиа борбору" in html and "error-summary" in html
    assert not Partner.objects.filter(name_ky="Кыргыз медиа борбору").exists()


def test_editing_keeps_the_short_code_and_removes_the_logo(national, network, media):
    partner = network.partner
    national.post(
        reverse("partners:staff-partner-edit", args=[partner.slug]),
        {**_partner_post(slug=partner.slug), "logo": png_upload()},
    )
    partner.refresh_from_db()
    assert partner.logo and partner.name_ru == "Кыргызский медиацентр"
    response = national.post(
        reverse("partners:staff-partner-edit", args=[partner.slug]),
        _partner_post(slug="changed", remove_logo="on"),
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert not partner.logo
    assert not Partner.objects.filter(slug="changed").exists()


def test_agreement_with_its_signed_file(national, network, media):
    partner = network.partner
    response = national.post(
        reverse("partners:staff-agreement-create", args=[partner.slug]),
        {
            "kind": "memorandum",
            "number": "МК-12",
            "signed_on": "2026-02-01",
            "valid_until": "2028-02-01",
            "scope_ky": "Тренингдер",
            "scope_ru": "Тренинги",
            "scope_en": "",
            "file": pdf_upload(),
        },
    )
    assert response.status_code == 302
    agreement = Agreement.objects.get(partner=partner)
    download = national.get(
        reverse("partners:staff-agreement-file", args=[partner.slug, agreement.pk])
    )
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF-")
    assert "attachment" in download["Content-Disposition"]


def test_agreement_form_refuses_an_end_before_the_signature(national, network):
    response = national.post(
        reverse("partners:staff-agreement-create", args=[network.partner.slug]),
        {"kind": "contract", "number": "", "signed_on": "2026-02-01", "valid_until": "2026-01-01"},
    )
    assert response.status_code == 200
    assert "valid_until" in response.context["form"].errors
    assert not Agreement.objects.exists()


def test_editing_an_agreement_of_another_partner_is_not_found(national, network):
    agreement = AgreementFactory(partner=network.other_partner)
    url = reverse("partners:staff-agreement-edit", args=[network.partner.slug, agreement.pk])
    assert national.get(url).status_code == 404


def test_contribution_form_says_funding_needs_an_amount(national, network):
    url = reverse("partners:staff-contribution-create", args=[network.partner.slug])
    response = national.post("/ru" + url[3:], {"kind": "funding", "year": "2026", "amount": ""})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"amount"}
    response = national.post(
        url, {"kind": "funding", "year": "2026", "amount": "2500.50", "currency": "USD"}
    )
    assert response.status_code == 302
    assert Contribution.objects.get().amount == 2500.50


def test_partner_page_shows_agreements_contributions_and_totals(national, network):
    today = timezone.localdate()
    AgreementFactory(partner=network.partner, valid_until=today + datetime.timedelta(days=10))
    ContributionFactory(partner=network.partner, amount=100000, currency="KGS")
    ContributionFactory(partner=network.partner, amount=50000, currency="KGS")
    ContributionFactory(partner=network.partner, kind="trainers", amount=None, currency="")
    html = national.get(f"/en/staff/partners/{network.partner.slug}/").content.decode()
    assert "ends in 10 days" in html
    assert "Total in KGS" in html and "150,000.00" in html


def test_staff_list_flags_agreements_ending_soon(national, network):
    today = timezone.localdate()
    AgreementFactory(partner=network.partner, valid_until=today + datetime.timedelta(days=20))
    AgreementFactory(partner=network.other_partner, valid_until=today + datetime.timedelta(days=90))
    html = national.get("/en/staff/partners/").content.decode()
    assert html.count('class="flag"') == 1
    soon = national.get("/en/staff/partners/?expiring=1")
    assert [p.pk for p in soon.context["partners"]] == [network.partner.pk]


def test_staff_list_query_count_stays_flat(national, network, django_assert_max_num_queries):
    for n in range(15):
        partner = PartnerFactory(slug=f"many-{n}")
        partner.directions.set(Direction.objects.all())
        AgreementFactory(partner=partner)
    # Session, user, roles, application counts, partners, their directions and regions.
    with django_assert_max_num_queries(7):
        assert national.get("/en/staff/partners/").status_code == 200
    with django_assert_max_num_queries(8):
        assert national.get("/en/staff/partners/many-3/").status_code == 200


# --- the review of applications ------------------------------------------------------------


def test_review_from_received_to_accepted_creates_the_partner(national, network):
    application = ApplicationFactory(organisation="Жаштар демилгеси")
    url = reverse("partners:staff-application-detail", args=[application.pk])
    assert national.post(url, {"action": "under_review", "comment": ""}).status_code == 302
    assert national.post(url, {"action": "accepted", "comment": "Макул"}).status_code == 302
    application.refresh_from_db()
    assert application.status == Status.ACCEPTED
    assert application.partner.slug == "jashtar-demilgesi"
    html = national.get(url).content.decode()
    assert reverse("partners:staff-partner-detail", args=["jashtar-demilgesi"]) in html
    assert "Макул" in html and network.users[Role.NATIONAL].get_full_name() in html


def test_declining_without_a_comment_is_explained_beside_the_comment(national, network):
    application = ApplicationFactory()
    url = reverse("partners:staff-application-detail", args=[application.pk])
    response = national.post("/ru" + url[3:], {"action": "declined", "comment": ""})
    assert response.status_code == 200
    assert "comment" in response.context["form"].errors
    application.refresh_from_db()
    assert application.status == Status.RECEIVED


def test_refused_transition_is_shown_as_a_form_error(national, network):
    application = ApplicationFactory()
    url = reverse("partners:staff-application-detail", args=[application.pk])
    response = national.post(url, {"action": "accepted", "comment": ""})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert "Accept and create the partner" not in response.content.decode()


def test_application_list_filters_by_status(national, network):
    ApplicationFactory(organisation="Received one")
    ApplicationFactory(organisation="Declined one", status=Status.DECLINED)
    html = national.get("/en/staff/partners/applications/?status=declined").content.decode()
    assert "Declined one" in html and "Received one" not in html
    html = national.get("/en/staff/partners/applications/?status=bogus").content.decode()
    assert "Declined one" in html and "Received one" in html


def test_admin_pages_open_for_the_national_office(national, network, media):
    from bilim.partners.services import agreement_save

    agreement_save(
        partner=network.partner,
        kind="contract",
        number="7",
        signed_on=datetime.date(2026, 1, 1),
        valid_until=None,
        scopes={},
        file=pdf_upload(),
    )
    application = ApplicationFactory()
    for url in (
        "/en/admin/partners/partner/",
        f"/en/admin/partners/partner/{network.partner.pk}/change/",
        "/en/admin/partners/partnershipapplication/",
        f"/en/admin/partners/partnershipapplication/{application.pk}/change/",
    ):
        assert national.get(url).status_code == 200, url


def test_staff_home_points_the_national_office_to_new_applications_and_ending_agreements(
    client, network
):
    ApplicationFactory()
    AgreementFactory(
        partner=network.partner, valid_until=timezone.localdate() + datetime.timedelta(days=10)
    )
    client.force_login(network.users[Role.NATIONAL])
    with translation.override("en"):  # the English page: it read English left by another test
        page = client.get(reverse("web:staff-home")).content.decode()
        assert reverse("partners:staff-application-list") in page
        assert "1 new" in page
        assert f"{reverse('partners:staff-partner-list')}?expiring=1" in page
        assert "1 partner's agreement ends within 30 days" in page


def test_staff_home_of_a_center_manager_has_no_partners_panel(client, network):
    client.force_login(network.users[Role.CENTER])
    page = client.get(reverse("web:staff-home")).content.decode()
    assert reverse("partners:staff-partner-list") not in page
