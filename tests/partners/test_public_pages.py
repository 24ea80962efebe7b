"""The public partners pages at the HTTP level, in Kyrgyz, Russian and English."""

import pytest

from bilim.partners.models import Direction, Partner
from bilim.partners.services import partner_upsert
from bilim.programs.models import Program
from tests.factories import PartnerFactory, ProgramFactory, RegionFactory

from .factories import png_upload

FUND = {
    "ky": "Санарип өнүгүү фонду",
    "ru": "Фонд цифрового развития",
    "en": "Digital Development Fund",
}
ABOUT = {
    "ky": "Айылдардагы борборлорго компьютерлерди берет.",
    "ru": "Передаёт компьютеры центрам в сёлах.",
    "en": "Gives computers to village centers.",
}


@pytest.fixture
def partners(db, media):
    region = RegionFactory.create(
        name_ky="Нарын облусу", name_ru="Нарынская область", name_en="Naryn"
    )
    fund = partner_upsert(
        slug="digital-fund",
        kind=Partner.Kind.INTERNATIONAL,
        names=FUND,
        descriptions=ABOUT,
        directions=["digital"],
        regions=[region],
        website="https://fund.example.org",
        email="info@fund.example.org",
        logo=png_upload(),
    )
    university = PartnerFactory(
        slug="university", kind=Partner.Kind.ACADEMIC, name_en="Kyrgyz National University"
    )
    university.directions.set(Direction.objects.filter(code="civic"))
    hidden = PartnerFactory(slug="hidden", name_en="Former partner", is_active=False)
    hidden.directions.set(Direction.objects.filter(code="digital"))
    digital = Direction.objects.get(code="digital")
    led = ProgramFactory(lead_partner=fund, direction=digital, title_en="Computer basics")
    co = ProgramFactory(lead_partner=university, direction=digital, title_en="Online safety")
    co.partners.add(fund)
    ProgramFactory(lead_partner=fund, status=Program.Status.DRAFT, title_en="Draft course")
    ProgramFactory(lead_partner=university, title_en="Not ours")
    return {"fund": fund, "university": university, "hidden": hidden, "led": led, "co": co}


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_list_groups_active_partners_by_kind_in_each_language(client, partners, lang):
    response = client.get(f"/{lang}/partners/")
    html = response.content.decode()
    assert response.status_code == 200
    assert FUND[lang] in html
    assert "Former partner" not in html
    kinds = {
        "ky": ("Окуу же илимий мекеме", "Өнүктүрүү боюнча эл аралык өнөктөш"),
        "ru": ("Учебное или научное учреждение", "Международный партнёр по развитию"),
        "en": ("Academic institution", "International development partner"),
    }[lang]
    # The kinds come in their fixed order: academic before international.
    assert kinds[0] in html and kinds[1] in html
    assert html.index(kinds[0]) < html.index(kinds[1])
    assert f'href="/{lang}/partners/apply/"' in html


def test_list_filters_by_direction_with_plain_links(client, partners):
    html = client.get("/en/partners/", {"direction": "civic"}).content.decode()
    assert "Kyrgyz National University" in html
    assert FUND["en"] not in html
    assert 'href="/en/partners/?direction=digital"' in html
    assert 'aria-current="page">Civic education<' in html


def test_unknown_direction_shows_every_partner(client, partners):
    response = client.get("/ky/partners/", {"direction": "<script>"})
    assert response.status_code == 200
    assert FUND["ky"] in response.content.decode()


def test_list_query_count_stays_flat(client, partners, django_assert_max_num_queries):
    for n in range(15):
        PartnerFactory(slug=f"more-{n}").directions.set(Direction.objects.all())
    with django_assert_max_num_queries(3):
        response = client.get("/ru/partners/")
    assert response.status_code == 200


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_partner_page_shows_its_programs_and_details(client, partners, lang):
    response = client.get(f"/{lang}/partners/digital-fund/")
    html = response.content.decode()
    assert response.status_code == 200
    assert FUND[lang] in html and ABOUT[lang] in html
    region_name = {"ky": "Нарын облусу", "ru": "Нарынская область", "en": "Naryn"}[lang]
    assert region_name in html
    assert "https://fund.example.org" in html and "mailto:info@fund.example.org" in html
    titles = {p.title_en: getattr(p, f"title_{lang}") for p in Program.objects.all()}
    assert titles["Computer basics"] in html and titles["Online safety"] in html
    assert titles["Draft course"] not in html and titles["Not ours"] not in html
    logo_alt = {"ky": "логотиби", "ru": "Логотип", "en": "Logo of"}[lang]
    assert f'alt="{logo_alt}' in html or logo_alt in html


def test_partner_page_says_when_a_partner_works_nationwide(client, partners):
    html = client.get("/ru/partners/university/").content.decode()
    assert "По всей стране" in html


def test_partner_page_query_count(client, partners, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        assert client.get("/en/partners/digital-fund/").status_code == 200


@pytest.mark.parametrize("slug", ["hidden", "nobody"])
def test_inactive_or_unknown_partner_is_not_found(client, partners, slug):
    assert client.get(f"/en/partners/{slug}/").status_code == 404
