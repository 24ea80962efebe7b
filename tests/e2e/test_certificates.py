"""Certificates in Chromium: a manager issues and revokes them; anyone verifies one by its code."""

import pytest
from playwright.sync_api import expect

from bilim.accounts.models import Role
from bilim.certificates.errors import TOO_MANY_LOOKUPS
from bilim.certificates.models import Certificate
from bilim.certificates.services import certificate_revoke, certificates_issue
from bilim.certificates.views import public
from bilim.web.ratelimits import SubmissionLimit
from tests.certificates.conftest import NOW, make_group
from tests.e2e.conftest import VIEWPORTS, check_accessibility, screenshot, sign_in, t

pytestmark = pytest.mark.e2e


def _ended_group(center):
    group = make_group(center=center)
    for name, language, came in (
        ("Айгүл Өмүрбекова", "ky", 4),
        ("Ольга Иванова", "ru", 3),
        ("Жаңыл Мамбетова", "ky", 1),
    ):
        group.attend(group.register(name, language=language), came)
    return group


def _fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_a_center_manager_issues_and_revokes_certificates(open_page, network, lang):
    group = _ended_group(network.center_a1)
    page = open_page(viewport="desktop")
    sign_in(page, network.users[Role.CENTER].username, lang=lang)
    page.goto(f"/{lang}/staff/schedule/offerings/{group.offering.pk}/")
    page.get_by_role("link", name=t(lang, "Certificates"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(t(lang, "Certificates"))
    expect(page.get_by_role("row", name="Жаңыл Мамбетова")).to_contain_text(t(lang, "No"))
    check_accessibility(page)

    page.get_by_role("button", name=t(lang, "Issue certificates")).click()
    expect(page.locator(".messages")).to_be_visible()
    assert Certificate.objects.count() == 2
    olga = Certificate.objects.get(registration__participant__name="Ольга Иванова")
    expect(page.get_by_role("row", name="Ольга Иванова")).to_contain_text(olga.number)
    check_accessibility(page)
    screenshot(page, f"certificates-staff-{lang}-desktop")
    page.set_viewport_size(VIEWPORTS["desktop"])  # a full-page screenshot leaves it changed

    page.get_by_role("link", name=f"{t(lang, 'Revoke')} {olga.number}").click()
    page.get_by_role("button", name=t(lang, "Revoke the certificate")).click()
    expect(page.locator(".error-summary")).to_be_visible()  # a reason is needed
    check_accessibility(page)
    page.get_by_label(t(lang, "Reason")).fill("Катышуучу башка топто окуган")
    page.get_by_role("button", name=t(lang, "Revoke the certificate")).click()
    expect(page.get_by_role("row", name="Ольга Иванова")).to_contain_text(
        "Катышуучу башка топто окуган"
    )
    olga.refresh_from_db()
    assert not olga.is_valid

    phone = open_page(viewport="phone")
    sign_in(phone, network.users[Role.CENTER].username, lang=lang)
    phone.goto(f"/{lang}/staff/offerings/{group.offering.pk}/certificates/")
    assert _fits(phone)  # the table scrolls in its box; the page never sideways
    check_accessibility(phone)
    screenshot(phone, f"certificates-staff-{lang}-phone")


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_anyone_verifies_a_certificate_on_a_phone(open_page, network, lang):
    group = _ended_group(network.center_a1)
    valid, revoked = certificates_issue(offering=group.offering, now=NOW)
    certificate_revoke(certificate=revoked, reason="Ката", revoked_by=network.users[Role.CENTER])
    name = valid.registration.participant.name

    for viewport in ("phone", "desktop"):
        url = f"/{lang}/certificates/verify/{valid.verification_code}/"
        page = open_page(url, viewport=viewport)
        expect(page.get_by_role("heading", level=1)).to_contain_text(
            t(lang, "The certificate is valid")
        )
        expect(page.locator(".facts")).to_contain_text(name)
        expect(page.locator(".facts")).to_contain_text(valid.number)
        assert valid.registration.participant.phone[4:] not in page.content()
        assert _fits(page)
        check_accessibility(page)
        screenshot(page, f"certificate-verify-valid-{lang}-{viewport}")

    page = open_page(f"/{lang}/certificates/verify/{revoked.verification_code}/", viewport="phone")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        t(lang, "The certificate was revoked")
    )
    assert "Ката" not in page.locator("main").inner_text()
    check_accessibility(page)
    screenshot(page, f"certificate-verify-revoked-{lang}-phone")

    page = open_page(f"/{lang}/certificates/verify/wrong-code/", viewport="phone")
    expect(page.get_by_role("heading", level=1)).to_contain_text(t(lang, "No certificate found"))
    check_accessibility(page)
    screenshot(page, f"certificate-verify-unknown-{lang}-phone")


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_a_certificate_is_checked_by_hand_with_its_code_or_number(open_page, network, lang):
    group = _ended_group(network.center_a1)
    valid, _ = certificates_issue(offering=group.offering, now=NOW)
    Certificate.objects.filter(pk=valid.pk).update(short_code="K0M1QR9XD4")
    name = valid.registration.participant.name
    check_code = t(lang, "Check the code")
    check_number = t(lang, "Check the number")

    for viewport in ("phone", "desktop"):
        page = open_page(f"/{lang}/certificates/verify/", viewport=viewport)
        expect(page.get_by_role("heading", level=1)).to_contain_text(t(lang, "Check a certificate"))
        assert _fits(page)
        check_accessibility(page)
        screenshot(page, f"certificate-verify-lookup-{lang}-{viewport}")

        # Read aloud and typed in small letters, an O for the zero and an l for the one.
        page.get_by_label(t(lang, "Code on the certificate")).fill("kOmlq r9xd4")
        page.get_by_role("button", name=check_code, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(
            t(lang, "The certificate is valid")
        )
        expect(page.locator(".facts")).to_contain_text(name)
        check_accessibility(page)

        page.get_by_role("link", name=t(lang, "Check another certificate")).click()
        page.get_by_label(t(lang, "Certificate number")).fill(valid.number)
        page.get_by_label(t(lang, "Surname of the holder")).fill("Иванова")
        page.get_by_role("button", name=check_number, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(
            t(lang, "No certificate found")
        )
        assert name not in page.locator("main").inner_text()
        expect(page.get_by_label(t(lang, "Certificate number"))).to_have_value(valid.number)
        assert _fits(page)
        check_accessibility(page)
        screenshot(page, f"certificate-verify-not-found-{lang}-{viewport}")

        page.get_by_label(t(lang, "Surname of the holder")).fill("өмүрбекова")
        page.get_by_role("button", name=check_number, exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(
            t(lang, "The certificate is valid")
        )
        expect(page.locator(".facts")).to_contain_text(name)


def test_too_many_checks_keep_what_was_typed(open_page, network, monkeypatch):
    monkeypatch.setattr(public, "LOOKUP_LIMIT", SubmissionLimit("certificates:lookup", "1/h"))
    page = open_page("/ru/certificates/verify/", viewport="phone")
    page.get_by_label(t("ru", "Code on the certificate")).fill("K0M1Q-R9XD4")
    page.get_by_role("button", name=t("ru", "Check the code"), exact=True).click()
    page.get_by_label(t("ru", "Certificate number")).fill("KG-2026-000009")
    page.get_by_label(t("ru", "Surname of the holder")).fill("Осмонова")
    page.get_by_role("button", name=t("ru", "Check the number"), exact=True).click()
    expect(page.locator(".error-summary")).to_contain_text(t("ru", TOO_MANY_LOOKUPS)[:40])
    expect(page.get_by_label(t("ru", "Surname of the holder"))).to_have_value("Осмонова")
    check_accessibility(page)
    screenshot(page, "certificate-verify-too-many-ru-phone")


def test_the_code_is_typed_in_without_javascript_and_with_the_keyboard(open_page, network):
    group = _ended_group(network.center_a1)
    valid, _ = certificates_issue(offering=group.offering, now=NOW)
    page = open_page("/ky/certificates/verify/", viewport="phone", java_script_enabled=False)
    field = page.get_by_label(t("ky", "Code on the certificate"))
    field.fill("wrong code!")
    field.press("Enter")
    expect(page.locator(".error-summary")).to_be_visible()
    expect(page.get_by_label(t("ky", "Code on the certificate"))).to_have_value("wrong code!")
    page.get_by_label(t("ky", "Code on the certificate")).fill(valid.short_code.lower())
    page.keyboard.press("Tab")  # to the button, then pressed from the keyboard
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        t("ky", "The certificate is valid")
    )
    page.goto("/ky/certificates/verify/")
    page.get_by_label(t("ky", "Certificate number")).fill(valid.number.lower())
    surname = page.get_by_label(t("ky", "Surname of the holder"))
    surname.fill(valid.registration.participant.name.split()[-1].upper())
    surname.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        t("ky", "The certificate is valid")
    )
