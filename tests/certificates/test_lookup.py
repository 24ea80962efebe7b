"""Checking a certificate by hand: the printed code, or the number with the holder's surname."""

import re

import pytest
from django.utils import translation
from django.utils.html import escape

from bilim.accounts.models import Role
from bilim.certificates.codes import new_short_code, short_code_clean
from bilim.certificates.errors import TOO_MANY_LOOKUPS
from bilim.certificates.models import Certificate
from bilim.certificates.names import surname_matches
from bilim.certificates.services import certificate_revoke, certificates_issue
from bilim.certificates.views import public
from bilim.web.ratelimits import SubmissionLimit

from .conftest import NOW, make_group

LANGS = ["ky", "ru", "en"]
NAME = "Айгүл Өмүрбекова"


@pytest.fixture
def issued(db):
    group = make_group()
    person = group.register(NAME, email="aigul@example.kg")
    group.attend(person, 4)
    [certificate] = certificates_issue(offering=group.offering, now=NOW)
    # A code with the digits people mistake for letters.
    Certificate.objects.filter(pk=certificate.pk).update(short_code="K0M1QR9XD4")
    certificate.refresh_from_db()
    return certificate


def _post(client, lang, data):
    response = client.post(f"/{lang}/certificates/verify/", data)
    return response, response.content.decode()


def _says(lang, message, page):
    with translation.override(lang):
        return translation.gettext(message) in page


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("typed", ["k0m1q-r9xd4", "kOmlq r9xd4", "KOMIQ–R9XD4", " K0M1QR9XD4 "])
def test_a_typed_code_finds_the_certificate_whatever_the_case_and_look_alikes(
    client, issued, lang, typed
):
    response, page = _post(client, lang, {"how": "code", "code": typed})
    assert response.status_code == 200
    assert _says(lang, "The certificate is valid", page)
    assert NAME in page
    assert issued.number in page
    assert issued.registration.offering.center.name in page or lang == "en"
    assert "aigul@example.kg" not in page and issued.registration.token not in page
    assert response["Cache-Control"] == "private, no-store"


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_code_is_not_found_and_the_typed_code_kept(client, issued, lang):
    response, page = _post(client, lang, {"how": "code", "code": "K0M1Q-R9XD5"})
    assert response.status_code == 200
    assert _says(lang, "No certificate found", page)
    assert NAME not in page
    assert 'value="K0M1Q-R9XD5"' in page


def test_a_code_of_the_wrong_shape_is_an_error_at_the_field(client, issued):
    _, page = _post(client, "ru", {"how": "code", "code": "K0M1Q-R9X"})
    assert 'class="error-summary"' in page
    assert 'id="id_code_error"' in page
    assert 'value="K0M1Q-R9X"' in page


def test_the_address_under_the_qr_code_still_works_when_pasted(client, issued):
    code = issued.verification_code
    for typed in (f"https://bilim.kg/ky/certificates/verify/{code}/", f"  {code} "):
        _, page = _post(client, "ru", {"how": "code", "code": typed})
        assert NAME in page


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    ("number", "surname"),
    [
        (None, "Өмүрбекова"),
        (None, "өмүрбекова"),
        (None, "ОМУРБЕКОВА"),  # typed on a Russian keyboard, without ө and ү
        (None, " Айгүл "),  # the name may be printed surname first: either end matches
        ("lower", "Өмүрбекова"),
        ("spaces", "Өмүрбекова"),
    ],
)
def test_the_number_with_the_holders_surname_finds_the_certificate(
    client, issued, lang, number, surname
):
    typed = {
        None: issued.number,
        "lower": issued.number.lower(),
        "spaces": issued.number.replace("-", " ").replace(" 0000", " "),
    }[number]
    response, page = _post(client, lang, {"how": "number", "number": typed, "surname": surname})
    assert response.status_code == 200
    assert _says(lang, "The certificate is valid", page)
    assert NAME in page


@pytest.mark.parametrize("lang", LANGS)
def test_the_number_with_a_wrong_surname_is_not_found_like_an_unknown_number(client, issued, lang):
    wrong, wrong_page = _post(
        client, lang, {"how": "number", "number": issued.number, "surname": "Иванова"}
    )
    year = issued.number.split("-")[1]
    unknown_number = f"KG-{year}-999999"
    unknown, unknown_page = _post(
        client, lang, {"how": "number", "number": unknown_number, "surname": "Иванова"}
    )
    assert wrong.status_code == unknown.status_code == 200
    assert _says(lang, "No certificate found", wrong_page)
    for page in (wrong_page, unknown_page):
        assert NAME not in page and "Өмүрбекова" not in page and "Айгүл" not in page
    # Nothing tells a known number from an unknown one but what was typed.
    assert _without_tokens(wrong_page.replace(issued.number, unknown_number)) == _without_tokens(
        unknown_page
    )


def _without_tokens(page):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page)


@pytest.mark.parametrize("lang", LANGS)
def test_a_number_alone_tells_nothing_about_its_holder(client, issued, lang):
    for surname in ("", "   ", "уулу", "Өмүрбекова Айгүл Бекова"):
        response, page = _post(
            client, lang, {"how": "number", "number": issued.number, "surname": surname}
        )
        assert response.status_code == 200
        assert NAME not in page and "Өмүрбекова" not in page.replace(f'value="{surname}"', "")
        assert not _says(lang, "The certificate is valid", page)
        assert f'value="{issued.number}"' in page  # kept, to add the surname
        if not surname.strip():  # told what is missing, at the field
            assert 'id="id_surname_error"' in page
        else:
            assert _says(lang, "No certificate found", page)


def test_a_revoked_certificate_found_by_hand_says_only_when(client, issued, network):
    certificate_revoke(
        certificate=issued, reason="Attended another group", revoked_by=network.users[Role.CENTER]
    )
    for data in (
        {"how": "code", "code": "k0m1q-r9xd4"},
        {"how": "number", "number": issued.number, "surname": "Өмүрбекова"},
    ):
        _, page = _post(client, "ky", data)
        assert _says("ky", "The certificate was revoked", page)
        assert issued.number in page
        assert NAME not in page.replace('value="Өмүрбекова"', "")
        assert "Attended another group" not in page
    _, page = _post(client, "ky", {"how": "number", "number": issued.number, "surname": "Бекова"})
    assert _says("ky", "No certificate found", page)
    assert not _says("ky", "The certificate was revoked", page)


@pytest.mark.parametrize("lang", LANGS)
def test_too_many_lookups_answer_429_with_the_form_and_what_was_typed(
    client, issued, lang, monkeypatch
):
    monkeypatch.setattr(public, "LOOKUP_LIMIT", SubmissionLimit("certificates:lookup", "3/h"))
    for n in range(3):  # found or not, every lookup counts
        _post(client, lang, {"how": "code", "code": f"K0M1Q-R9XD{n + 5}"})
    response, page = _post(
        client, lang, {"how": "number", "number": issued.number, "surname": "Өмүрбекова"}
    )
    assert response.status_code == 429
    with translation.override(lang):
        assert escape(str(TOO_MANY_LOOKUPS)) in page
    assert 'class="error-summary"' in page
    assert f'value="{issued.number}"' in page and 'value="Өмүрбекова"' in page
    assert 'name="code"' in page  # the other way is still offered
    assert NAME not in page.replace('value="Өмүрбекова"', "")
    response, page = _post(client, lang, {"how": "code", "code": "k0m1q-r9xd4"})
    assert response.status_code == 429
    assert 'value="k0m1q-r9xd4"' in page and NAME not in page


def test_mistakes_in_the_form_do_not_count_against_the_limit(client, issued, monkeypatch):
    monkeypatch.setattr(public, "LOOKUP_LIMIT", SubmissionLimit("certificates:lookup", "1/h"))
    for _ in range(3):
        _post(client, "ru", {"how": "code", "code": "???"})
    response, page = _post(client, "ru", {"how": "code", "code": "k0m1q-r9xd4"})
    assert response.status_code == 200 and NAME in page


def test_the_page_offers_both_ways_with_labels(client, db):
    for lang in LANGS:
        page = client.get(f"/{lang}/certificates/verify/").content.decode()
        for field in ("code", "number", "surname"):
            assert f'<label for="id_{field}">' in page
        assert page.count('method="post"') == 2


def test_the_staff_pages_show_the_code(client, network):
    group = make_group(center=network.center_a1)
    group.attend(group.register("Айгүл Осмонова"), 4)
    [certificate] = certificates_issue(offering=group.offering, now=NOW)
    client.force_login(network.users[Role.CENTER])
    printed = certificate.short_code_display
    assert len(printed) == 11 and printed[5] == "-"
    for url in (
        f"/ru/staff/offerings/{group.offering.pk}/certificates/",
        f"/ky/staff/certificates/{certificate.pk}/revoke/",
    ):
        assert printed in client.get(url).content.decode()


@pytest.mark.parametrize(
    ("name", "surname", "matches"),
    [
        ("Айгүл Өмүрбекова", "Өмүрбекова", True),
        ("Айгүл Өмүрбекова", "омурбекова", True),
        ("Иванова Ольга Петровна", "иванова", True),
        ("Иванова Ольга Петровна", "Ольга", False),  # a middle word is no surname
        ("Нурлан Асанбек уулу", "Асанбек уулу", True),
        ("Нурлан Асанбек уулу", "уулу", False),
        ("Артём Сёмин", "Семин", True),
        ("Айгүл Өмүрбекова", "Өмүрбеков", False),
        ("Айгүл Өмүрбекова", "", False),
    ],
)
def test_which_surnames_match_a_printed_name(name, surname, matches):
    assert surname_matches(name=name, surname=surname) is matches


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("k7m2q-9qxd4", "K7M2Q9QXD4"),
        ("K7M2Q 9QXD4", "K7M2Q9QXD4"),
        ("oIlL0-11111", "0111011111"),
        ("K7M2Q-9QXD", None),  # one character short
        ("K7M2Q-9QXDU", None),  # U is not in the alphabet
    ],
)
def test_typed_codes_are_read_back(typed, stored):
    assert short_code_clean(typed) == stored


def test_new_codes_are_ten_characters_of_the_alphabet():
    codes = {new_short_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(short_code_clean(code) == code for code in codes)
