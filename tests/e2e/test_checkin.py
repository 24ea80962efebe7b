"""A center manager checks people in at the door: by code, from the list, by keyboard, by QR."""

import io
from pathlib import Path

import pytest
import segno
from PIL import Image
from playwright.sync_api import Page, expect

from bilim.accounts.models import Role
from bilim.attendance.models import Attendance
from bilim.registrations.messages import personal_link
from tests.attendance.conftest import group_facilitator, register_people, started_session
from tests.e2e.conftest import CHROMIUM_ARGS, VIEWPORTS, check_accessibility, screenshot, sign_in, t

pytestmark = pytest.mark.e2e


@pytest.fixture
def session(network):
    return started_session(network, group_facilitator())


@pytest.fixture
def people(session):
    return register_people(session)


def _roster(session, lang):
    return f"/{lang}/staff/sessions/{session.pk}/roster/"


def _row(page: Page, name: str):
    return page.locator(".roster-row", has_text=name)


@pytest.mark.parametrize("lang", ["ky", "ru"])
def test_a_manager_checks_in_by_code_undoes_searches_and_uses_the_keyboard(
    open_page, network, session, people, lang
):
    olga, gulnara = people["Ольга Ким"], people["Гүлнара Өмүрова"]
    page = open_page(viewport="desktop")
    sign_in(page, network.users[Role.CENTER].username, lang=lang)
    page.goto(_roster(session, lang))
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        getattr(session.offering.program, f"title_{lang}")
    )
    check_accessibility(page)
    screenshot(page, f"checkin-roster-{lang}-desktop")
    page.set_viewport_size(VIEWPORTS["desktop"])

    # The code as it is read out over the counter, with a space; Enter sends it.
    code = page.get_by_label(t(lang, "Check-in code"))
    code.fill(f"{olga.short_code[:4]} {olga.short_code[4:]}")
    code.press("Enter")
    result = page.locator("#checkin-result")
    expect(result).to_have_text(t(lang, "%(name)s is checked in.") % {"name": "Ольга Ким"})
    expect(_row(page, "Ольга Ким")).to_contain_text("✓")
    expect(code).to_have_value("")  # ready for the next person
    expect(code).to_be_focused()
    expect(page.locator("#roster-counts")).to_contain_text("1")
    assert Attendance.objects.get().method == Attendance.Method.CODE

    # A mistake: undo it from the list.
    _row(page, "Ольга Ким").get_by_role("button", name=f"{t(lang, 'Undo')} Ольга Ким").click()
    expect(result).to_have_text(t(lang, "Check-in of %(name)s was undone.") % {"name": "Ольга Ким"})
    expect(_row(page, "Ольга Ким")).to_contain_text(t(lang, "Not checked in"))
    assert not Attendance.objects.exists()
    check_accessibility(page)

    # Search as you type: only the matching person stays on the list.
    page.get_by_label(t(lang, "Find by name or phone")).fill("өмүр")
    expect(page.locator(".roster-row")).to_have_count(1)
    expect(_row(page, "Гүлнара Өмүрова")).to_be_visible()
    expect(page).to_have_url(f"{page.url.split('?')[0]}?q=%D3%A9%D0%BC%D2%AF%D1%80")

    # Keyboard only: from the search field, Tab to her "Check in" button, press Enter.
    button = page.get_by_role("button", name=f"{t(lang, 'Check in')} Гүлнара Өмүрова")
    page.get_by_label(t(lang, "Find by name or phone")).focus()
    for _ in range(6):
        page.keyboard.press("Tab")
        if button.evaluate("b => b === document.activeElement"):
            break
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    expect(_row(page, "Гүлнара Өмүрова")).to_contain_text("✓")
    # Focus stays on her row, now on "Undo", so the next Tab goes on down the list.
    expect(page.get_by_role("button", name=f"{t(lang, 'Undo')} Гүлнара Өмүрова")).to_be_focused()
    assert Attendance.objects.get().registration == gulnara
    assert Attendance.objects.get().method == Attendance.Method.ROSTER
    check_accessibility(page)

    phone = open_page(viewport="phone")
    sign_in(phone, network.users[Role.CENTER].username, lang=lang)
    phone.goto(_roster(session, lang))
    check_accessibility(phone)
    screenshot(phone, f"checkin-roster-{lang}-phone")


def test_without_javascript_the_code_form_still_checks_in(open_page, network, session, people):
    olga = people["Ольга Ким"]
    page = open_page(java_script_enabled=False)
    sign_in(page, network.users[Role.CENTER].username, lang="ky")
    page.goto(_roster(session, "ky"))
    expect(page.get_by_role("button", name=t("ky", "Scan QR code"))).to_be_hidden()
    page.get_by_label(t("ky", "Check-in code")).fill("1234")
    page.get_by_role("button", name=t("ky", "Check in"), exact=True).click()
    expect(page.locator(".error-message")).to_contain_text(
        t("ky", "Enter the 8 digits of the check-in code, or scan the QR code.")
    )
    expect(page.get_by_label(t("ky", "Check-in code"))).to_have_value("1234")
    page.get_by_label(t("ky", "Check-in code")).fill(olga.short_code)
    page.get_by_role("button", name=t("ky", "Check in"), exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Ольга Ким")
    expect(_row(page, "Ольга Ким")).to_contain_text("✓")


def _qr_video(text: str, path: Path, frames: int = 30) -> Path:
    """An MJPEG file (JPEG frames one after another) showing the QR code, for a fake camera."""
    png = io.BytesIO()
    segno.make_qr(text, error="m").save(png, kind="png", scale=8, border=4)
    qr = Image.open(png).convert("RGB")
    frame = Image.new("RGB", (640, 480), "white")
    side = min(440, qr.width)
    frame.paste(qr.resize((side, side), Image.NEAREST), ((640 - side) // 2, (480 - side) // 2))
    jpeg = io.BytesIO()
    frame.save(jpeg, format="JPEG", quality=92)
    path.write_bytes(jpeg.getvalue() * frames)
    return path


def test_a_qr_code_shown_to_the_camera_checks_the_person_in(
    playwright, browser_context_args, tmp_path, network, session, people
):
    gulnara = people["Гүлнара Өмүрова"]
    video = _qr_video(personal_link(gulnara), tmp_path / "qr.mjpeg")
    browser = playwright.chromium.launch(
        executable_path="/usr/bin/chromium",
        headless=True,
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-video-capture={video}",
        ],
    )
    try:
        context = browser.new_context(**browser_context_args)
        context.grant_permissions(["camera"])
        page = context.new_page()
        sign_in(page, network.users[Role.CENTER].username, lang="ru")
        page.goto(_roster(session, "ru"))
        page.get_by_role("button", name=t("ru", "Scan QR code")).click()
        expect(page.locator("#scanner video")).to_be_visible()
        expect(page.locator("#checkin-result")).to_have_text(
            t("ru", "%(name)s is checked in.") % {"name": "Гүлнара Өмүрова"}, timeout=15000
        )
        expect(_row(page, "Гүлнара Өмүрова")).to_contain_text("✓")
        attendance = Attendance.objects.get()
        assert attendance.registration == gulnara
        assert attendance.method == Attendance.Method.QR
        screenshot(page, "checkin-scanner-ru-desktop")
        page.get_by_role("button", name=t("ru", "Stop the camera")).click()
        expect(page.locator("#scanner")).to_be_hidden()
    finally:
        browser.close()


@pytest.mark.parametrize(("lang", "viewport"), [("ky", "phone"), ("ru", "desktop")])
def test_walk_in_and_attendance_afterwards_pages(
    open_page, network, session, people, lang, viewport
):
    page = open_page(viewport=viewport)
    sign_in(page, network.users[Role.CENTER].username, lang=lang)
    page.goto(_roster(session, lang))
    page.get_by_role("link", name=t(lang, "Register someone on the spot")).click()
    page.get_by_label(t(lang, "Full name")).fill("Сүйүнбек Токтосунов")
    page.get_by_role("button", name=t(lang, "Register and check in")).click()
    expect(page.locator(".error-summary")).to_be_visible()
    check_accessibility(page)
    screenshot(page, f"checkin-walk-in-errors-{lang}-{viewport}")
    page.set_viewport_size(VIEWPORTS[viewport])
    page.get_by_label(t(lang, "Mobile phone")).fill("0700 555 111")
    page.get_by_label(t(lang, "Man"), exact=True).check()
    page.get_by_label(
        t(lang, "I read the text on personal data to the person and they agreed")
    ).check()
    page.get_by_role("button", name=t(lang, "Register and check in")).click()
    expect(page.locator(".messages")).to_contain_text(
        t(lang, "%(name)s is registered and checked in.") % {"name": "Сүйүнбек Токтосунов"}
    )
    expect(_row(page, "Сүйүнбек Токтосунов")).to_contain_text("✓")

    page.get_by_role("link", name=t(lang, "Enter attendance from a paper list")).click()
    page.get_by_label("Ольга Ким", exact=False).check()
    check_accessibility(page)
    screenshot(page, f"checkin-afterwards-{lang}-{viewport}")
    page.set_viewport_size(VIEWPORTS[viewport])
    page.get_by_role("button", name=t(lang, "Save attendance")).click()
    expect(page.locator(".messages")).to_contain_text("2")
    assert Attendance.objects.count() == 2
