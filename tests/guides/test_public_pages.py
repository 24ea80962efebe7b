"""The public guides over HTTP: the list, search, a guide, drafts hidden, text escaped."""

import re

import pytest
from django.utils import translation

from tests.guides.conftest import category, days_ago, make_guide

SCRIPT = "<script>alert('x')</script>"


@pytest.fixture
def guides(db):
    return {
        "sign": make_guide(slug="sign"),
        "pension": make_guide(
            slug="pension",
            category=category("social-fund"),
            titles={"ky": "Пенсия", "ru": "Пенсия онлайн", "en": "Pension online"},
            documents={},
            official_url="",
        ),
        "draft": make_guide(
            slug="draft",
            titles={"ky": "Долбоор", "ru": "Черновик", "en": "Unfinished"},
            published=False,
        ),
    }


def test_the_list_groups_published_guides_by_service(client, guides):
    html = client.get("/en/guides/").content.decode()
    assert "Get a cloud signature" in html and "Pension online" in html
    assert "Unfinished" not in html
    with translation.override("en"):
        sign_heading = html.index(category("e-signature").name)
        fund_heading = html.index(category("social-fund").name)
    assert sign_heading < html.index("Get a cloud signature") < fund_heading
    assert fund_heading < html.index("Pension online")


def test_the_list_reads_in_kyrgyz_and_russian(client, guides):
    assert "Булуттагы кол тамга алуу" in client.get("/ky/guides/").content.decode()
    assert "Получить облачную подпись" in client.get("/ru/guides/").content.decode()


def test_search_is_a_plain_get_that_keeps_the_words(client, guides):
    html = client.get("/en/guides/", {"q": "кабинет пенсия"}).content.decode()
    assert "Pension online" in html and "Get a cloud signature" not in html
    assert 'value="кабинет пенсия"' in html
    assert "1 guide found." in html


def test_a_search_without_results_says_so(client, guides):
    html = client.get("/en/guides/", {"q": "visa"}).content.decode()
    assert "No guide matches your search" in html


def test_a_guide_shows_its_steps_documents_official_site_and_check_date(client, guides):
    response = client.get("/en/guides/sign/")
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(
        r'<ol class="steps">\s*<li>Take your passport\.</li><li>Come to a center\.</li>', html
    )
    assert "<li>Passport</li>" in html
    assert (
        '<a href="https://esia.tunduk.kg/" rel="noopener noreferrer">https://esia.tunduk.kg/</a>'
        in html
    )
    with translation.override("en"):
        from django.utils.formats import date_format

        assert f"Checked: {date_format(guides['sign'].checked_on)}" in html
    # The print button needs JavaScript: it is hidden until the script shows it.
    assert re.search(r"<button[^>]*data-print hidden>", html)
    assert "guides/print.js" in html
    assert "guides/guides.css" in html


def test_a_draft_or_unknown_guide_is_not_found(client, guides):
    assert client.get("/en/guides/draft/").status_code == 404
    assert client.get("/en/guides/no-such-guide/").status_code == 404


def test_an_untranslated_guide_is_shown_in_kyrgyz_marked_as_kyrgyz(client, db):
    make_guide(
        slug="ky-only",
        titles={"ky": "Кыргызча аталыш", "ru": "Русское название", "en": ""},
        bodies={"ky": "1. Кириңиз.", "ru": "1. Войдите.", "en": ""},
    )
    html = client.get("/en/guides/ky-only/").content.decode()
    assert '<h1 id="guide-title" lang="ky">Кыргызча аталыш</h1>' in html
    assert '<div class="guide-text" lang="ky">' in html
    assert "not yet written in your language" in html
    ru = client.get("/ru/guides/ky-only/").content.decode()
    assert '<div class="guide-text" lang="ru">' in ru


def test_a_stale_guide_warns_its_readers(client, db):
    make_guide(slug="old", checked_on=days_ago(300))
    assert "The steps may have changed since" in client.get("/en/guides/old/").content.decode()
    make_guide(slug="fresh")
    assert "The steps may have changed" not in client.get("/en/guides/fresh/").content.decode()


def test_html_typed_by_an_editor_never_reaches_the_page(client, db):
    make_guide(
        slug="xss",
        titles={"ky": SCRIPT, "ru": SCRIPT, "en": SCRIPT},
        summaries={"ky": SCRIPT, "ru": SCRIPT, "en": SCRIPT},
        bodies={
            "ky": f"1. {SCRIPT}",
            "ru": SCRIPT,
            "en": f"{SCRIPT}\n\n1. <b onmouseover=x>step</b>",
        },
        documents={"ky": SCRIPT, "ru": SCRIPT, "en": f"- {SCRIPT}"},
    )
    for url in ("/en/guides/xss/", "/en/guides/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "onmouseover=x>" not in html
    assert (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
        in client.get("/en/guides/xss/").content.decode()
    )


def test_web_addresses_in_steps_become_links(client, db):
    make_guide(
        slug="links",
        bodies={"ky": "1. x", "ru": "1. x", "en": "1. Open https://portal.tunduk.kg now."},
    )
    html = client.get("/en/guides/links/").content.decode()
    assert '<a href="https://portal.tunduk.kg" rel="nofollow">https://portal.tunduk.kg</a>' in html


def test_the_public_list_pins_its_query_count(client, guides, django_assert_max_num_queries):
    for n in range(5):
        make_guide(slug=f"more-{n}", category=category("tax"))
    with django_assert_max_num_queries(3):
        html = client.get("/en/guides/").content.decode()
    assert html.count('class="guide-link"') == 7


def test_the_site_navigation_links_to_the_guides(client, db):
    html = client.get("/en/").content.decode()
    assert '<a href="/en/guides/">Guides</a>' in html
    listing = client.get("/en/guides/").content.decode()
    assert '<a href="/en/guides/" aria-current="page">Guides</a>' in listing
