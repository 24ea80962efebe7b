"""The national office's guide pages over HTTP: who may do what, the form, the list."""

import re

import pytest
from django.urls import reverse

from bilim.accounts.models import Role
from bilim.guides.models import Guide
from tests.guides.conftest import category, days_ago, make_guide

EDITORS = {Role.NATIONAL}
READERS = {Role.NATIONAL, Role.CENTER}


def _form(**changes):
    data = {
        "category": category().pk,
        "slug": "",
        "title_ky": "Булуттагы кол тамга",
        "summary_ky": "Кол тамга акысыз.",
        "body_ky": "1. Паспортту алыңыз.\n2. Борборго келиңиз.",
        "documents_ky": "Паспорт",
        "title_ru": "Облачная подпись",
        "summary_ru": "Подпись бесплатная.",
        "body_ru": "1. Возьмите паспорт.\n2. Придите в центр.",
        "documents_ru": "Паспорт",
        "title_en": "",
        "summary_en": "",
        "body_en": "",
        "documents_en": "",
        "official_url": "https://esia.tunduk.kg/",
        "checked_on": days_ago(1).isoformat(),
        "published": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def guide(db):
    return make_guide(slug="sign")


@pytest.fixture
def draft(db):
    return make_guide(slug="draft", published=False)


@pytest.mark.parametrize("role", list(Role))
def test_only_the_national_office_edits_and_desks_read(client, network, guide, role):
    client.force_login(network.users[role])
    pages = {
        reverse("guides:staff-guide-list"): READERS,
        reverse("guides:staff-guide-detail", args=["sign"]): READERS,
        reverse("guides:staff-desk-guides"): READERS,
        reverse("guides:staff-guide-create"): EDITORS,
        reverse("guides:staff-guide-edit", args=["sign"]): EDITORS,
    }
    for url, allowed in pages.items():
        assert client.get(url).status_code == (200 if role in allowed else 403), url
    unpublish = client.post(reverse("guides:staff-guide-unpublish", args=["sign"]))
    assert unpublish.status_code == (302 if role in EDITORS else 403)


def test_anonymous_visitors_are_sent_to_sign_in(client, guide):
    for url in (
        reverse("guides:staff-guide-detail", args=["sign"]),
        reverse("guides:staff-guide-edit", args=["sign"]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("accounts:login") in response["Location"]


def test_a_desk_reads_published_guides_only(client, network, guide, draft):
    client.force_login(network.users[Role.CENTER])
    html = client.get("/en/staff/guides/").content.decode()
    assert "/en/staff/guides/sign/" in html
    assert "/en/staff/guides/draft/" not in html
    assert "Add a guide" not in html
    assert client.get("/en/staff/guides/draft/").status_code == 404
    detail = client.get("/en/staff/guides/sign/").content.decode()
    assert "Take your passport." in detail
    assert "/edit/" not in detail and "Unpublish" not in detail


def test_the_office_list_flags_drafts_stale_guides_and_missing_languages(
    client, network, guide, draft
):
    make_guide(
        slug="old", checked_on=days_ago(400), titles={"ky": "Эски", "ru": "Старое", "en": ""}
    )
    client.force_login(network.users[Role.NATIONAL])
    html = client.get("/en/staff/guides/").content.decode()
    assert html.count("status-draft") == 1
    assert "1 guide was not checked for more than six months" in html
    assert html.count("check again") == 1
    old_row = html[html.index("/en/staff/guides/old/") :].split("</tr>")[0]
    assert re.search(r'<span lang="en">EN</span> <span aria-hidden="true">—</span>', old_row)
    assert re.search(r'<span lang="ky">KY</span> <span aria-hidden="true">✓</span>', old_row)
    stale = client.get("/en/staff/guides/", {"status": "stale"}).content.decode()
    assert "/en/staff/guides/old/" in stale and "/en/staff/guides/sign/" not in stale
    drafts = client.get("/en/staff/guides/", {"status": "draft"}).content.decode()
    assert "/en/staff/guides/draft/" in drafts and "/en/staff/guides/sign/" not in drafts


def test_the_staff_list_pins_its_query_count(client, network, guide, django_assert_max_num_queries):
    for n in range(6):
        make_guide(slug=f"more-{n}", category=category("tax"))
    client.force_login(network.users[Role.NATIONAL])
    with django_assert_max_num_queries(8):
        html = client.get("/en/staff/guides/").content.decode()
    assert html.count("/en/staff/guides/more-") == 6


def test_the_office_writes_and_publishes_a_guide(client, network):
    user = network.users[Role.NATIONAL]
    client.force_login(user)
    response = client.post("/en/staff/guides/new/", _form(slug="e-signature-guide"))
    assert response.status_code == 302
    assert response["Location"] == "/en/staff/guides/e-signature-guide/"
    guide = Guide.objects.get()
    assert (guide.published, guide.updated_by, guide.body_ru) == (
        True,
        user,
        "1. Возьмите паспорт.\n2. Придите в центр.",
    )
    assert "saved and published" in client.get(response["Location"]).content.decode()
    assert client.get("/ky/guides/e-signature-guide/").status_code == 200


def test_publishing_without_russian_names_each_missing_field_and_keeps_the_text(client, network):
    client.force_login(network.users[Role.NATIONAL])
    response = client.post(
        "/en/staff/guides/new/", _form(title_ru="", body_ru="", title_en="Cloud signature")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Write the title in Russian before publishing." in html
    assert "Write the steps in Russian before publishing." in html
    assert "summary in Russian" not in html
    assert '<a href="#id_title_ru">Title (Русский): Write the title in Russian' in html
    # Everything typed is still there, in every language.
    assert 'value="Булуттагы кол тамга"' in html
    assert "1. Паспортту алыңыз.\n2. Борборго келиңиз.</textarea>" in html
    assert 'value="Cloud signature"' in html
    assert 'value="https://esia.tunduk.kg/"' in html
    assert re.search(r'name="published"[^>]*checked', html)
    assert 'aria-describedby="id_title_ru_error"' in html
    assert 'id="id_title_ru_error"' in html
    assert not Guide.objects.exists()


def test_a_draft_may_be_saved_unfinished(client, network):
    client.force_login(network.users[Role.NATIONAL])
    response = client.post(
        "/en/staff/guides/new/", _form(title_ru="", body_ru="", summary_ky="", published=None)
    )
    assert response.status_code == 302
    guide = Guide.objects.get()
    assert not guide.published
    assert "saved as a draft" in client.get(response["Location"]).content.decode()
    assert client.get(f"/en/guides/{guide.slug}/").status_code == 404


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"checked_on": days_ago(-2).isoformat()}, "checked_on", "cannot be in the future"),
        ({"official_url": "javascript:alert(1)"}, "official_url", "Enter a valid URL"),
        ({"slug": "new"}, "slug", "used by another page"),
        ({"slug": "Кол тамга"}, "slug", "letters, numbers"),
        ({"category": "999999"}, "category", "Select a valid choice"),
        ({"title_ky": "", "title_ru": "", "published": None}, "title_ky", "at least one language"),
        ({"title_ky": "x" * 201}, "title_ky", "at most 200 characters"),
    ],
)
def test_bad_input_is_refused_beside_its_field(client, network, changes, field, message):
    client.force_login(network.users[Role.NATIONAL])
    response = client.post("/en/staff/guides/new/", _form(**changes))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'href="#id_{field}"' in html
    assert message in html
    assert not Guide.objects.exists()


def test_a_taken_address_is_refused(client, network, guide):
    client.force_login(network.users[Role.NATIONAL])
    response = client.post("/en/staff/guides/new/", _form(slug="sign"))
    assert response.status_code == 200
    assert "Another guide already has this address" in response.content.decode()
    assert Guide.objects.count() == 1


def test_editing_keeps_the_address_and_shows_what_was_saved(client, network, guide):
    client.force_login(network.users[Role.NATIONAL])
    form = client.get("/en/staff/guides/sign/edit/").content.decode()
    assert 'value="Get a cloud signature"' in form
    assert 'name="slug"' not in form
    response = client.post(
        "/en/staff/guides/sign/edit/", _form(slug="other", title_en="Cloud e-signature")
    )
    assert response["Location"] == "/en/staff/guides/sign/"
    guide.refresh_from_db()
    assert (guide.slug, guide.title_en) == ("sign", "Cloud e-signature")


def test_unpublishing_takes_a_guide_off_the_site(client, network, guide):
    client.force_login(network.users[Role.NATIONAL])
    url = reverse("guides:staff-guide-unpublish", args=["sign"])
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response["Location"].endswith("/staff/guides/sign/")
    assert client.get("/en/guides/sign/").status_code == 404
    html = client.get("/en/staff/guides/sign/").content.decode()
    assert "status-draft" in html
    assert "Unpublish" not in html


def test_unknown_guides_are_not_found_in_staff(client, network):
    client.force_login(network.users[Role.NATIONAL])
    assert client.get("/en/staff/guides/nothing/").status_code == 404
    assert client.get("/en/staff/guides/nothing/edit/").status_code == 404
    assert client.post("/en/staff/guides/nothing/unpublish/").status_code == 404


def test_a_script_typed_in_the_form_is_shown_as_text(client, network):
    client.force_login(network.users[Role.NATIONAL])
    payload = "<script>alert(1)</script>"
    client.post(
        "/en/staff/guides/new/",
        _form(slug="xss", title_en=payload, summary_en=payload, body_en=f"1. {payload}"),
    )
    for url in ("/en/guides/xss/", "/en/staff/guides/xss/", "/en/staff/guides/", "/en/guides/"):
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url


def test_the_admin_lists_and_opens_guides(client, network, guide):
    client.force_login(network.users[Role.NATIONAL])
    assert client.get("/en/admin/guides/guide/").status_code == 200
    assert client.get(f"/en/admin/guides/guide/{guide.pk}/change/").status_code == 200
