"""A person's own pages: QR code, calendar, certificate, and sign-in with phone and code."""

import datetime
import re
import subprocess

import icalendar
import pytest
from django.db import transaction
from django.utils import timezone

from bilim.certificates.models import Certificate
from bilim.notifications.models import Message
from bilim.registrations.messages import personal_link
from bilim.registrations.models import Registration
from bilim.scheduling.models import Session
from tests.partners.conftest import smtp  # noqa: F401 - the real SMTP server fixture
from tests.registrations.factories import register as sign_up
from tests.scheduling.factories import OfferingFactory, SessionFactory

PHONE = "+996555123456"


def register(offering, *, name="Айгүл Осмонова", phone=PHONE, **person):
    """Register Айгүл (or whoever `name` and `phone` say) for the offering."""
    return sign_up(offering, name=name, phone=phone, sex="female", **person)


def decode_qr(png: bytes, tmp_path) -> str:
    path = tmp_path / "qr.png"
    path.write_bytes(png)
    result = subprocess.run(
        ["/usr/bin/zbarimg", "-q", "--raw", str(path)], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def sign_in(client, phone="0555 123 456", lang="ky"):
    """Ask for a code and type the one the SMS brought; return the answer to the code."""
    client.post(f"/{lang}/my/", {"phone": phone})
    body = Message.objects.filter(kind="one-time-code").latest("pk").body
    found = re.search(r"\b(\d{6})\b", body)
    assert found is not None
    code = found.group(1)
    return client.post(f"/{lang}/my/code/", {"code": code})


# --- The personal page: QR code, check-in code, calendar, certificate ---


def test_personal_page_shows_the_qr_code_and_the_check_in_code(client, offering):
    registration = register(offering)
    registration.short_code = "12345678"
    registration.save(update_fields=["short_code"])
    page = client.get(f"/ru/my/{registration.token}/").content.decode()
    assert re.search(r'<svg role="img" aria-label="[^"]+"', page)
    assert "1234 5678" in page
    assert f"/ru/my/{registration.token}/calendar.ics" in page


def test_qr_image_reads_back_as_the_personal_link(client, offering, tmp_path):
    registration = register(offering)
    response = client.get(f"/ky/my/{registration.token}/qr.png")
    assert response["Content-Type"] == "image/png"
    assert decode_qr(response.content, tmp_path) == personal_link(registration)
    assert personal_link(registration).endswith(f"/ky/my/{registration.token}/")


def test_calendar_has_the_coming_sessions_only(client, offering):
    registration = register(offering)
    start = timezone.now() + datetime.timedelta(days=5)
    SessionFactory(
        offering=offering,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1),
        status=Session.Status.CANCELLED,
    )
    past = timezone.now() - datetime.timedelta(days=2)
    SessionFactory(offering=offering, starts_at=past, ends_at=past + datetime.timedelta(hours=1))
    response = client.get(f"/en/my/{registration.token}/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == [offering.program.title_en]
    starts: datetime.datetime = events[0].decoded("dtstart")
    assert starts > timezone.now()


def test_calendar_is_not_offered_without_a_place(client, offering):
    register(offering)
    waiting = register(offering, name="Бакыт Жумабеков", phone="+996700123456")
    assert waiting.status == Registration.Status.WAITLISTED
    assert client.get(f"/ky/my/{waiting.token}/calendar.ics").status_code == 404
    assert "calendar.ics" not in client.get(f"/ky/my/{waiting.token}/").content.decode()


def test_certificate_download_shows_only_while_valid(client, offering):
    registration = register(offering)
    pdf_link = f"/ky/my/{registration.token}/certificate.pdf"
    assert pdf_link not in client.get(f"/ky/my/{registration.token}/").content.decode()
    certificate = Certificate.objects.create(
        registration=registration, number="B-2026-000001", language="ky", hours=12
    )
    assert pdf_link in client.get(f"/ky/my/{registration.token}/").content.decode()
    certificate.revoked_at = timezone.now()
    certificate.save(update_fields=["revoked_at"])
    assert pdf_link not in client.get(f"/ky/my/{registration.token}/").content.decode()


@pytest.mark.django_db(transaction=True)
def test_confirmation_email_carries_the_qr_code_of_the_personal_link(smtp, offering, tmp_path):  # noqa: F811
    with transaction.atomic():
        registration = register(offering, email="aigul@example.kg")
    [received] = smtp.to("aigul@example.kg")
    [attachment] = list(received.iter_attachments())
    assert attachment.get_content_type() == "image/png"
    assert decode_qr(attachment.get_content(), tmp_path) == personal_link(registration)
    text = received.get_body(preferencelist=("plain",)).get_content()
    code = registration.short_code
    assert f"{code[:4]} {code[4:]}" in text


# --- Sign-in with phone and code ---


def test_a_known_and_an_unknown_phone_get_the_same_answer(client, offering):
    register(offering)
    known = client.post("/ru/my/", {"phone": "0555 123 456"})
    other = client.post("/ru/my/", {"phone": "0700 999 888"}, follow=False)
    assert known.status_code == other.status_code == 302
    assert known["Location"] == other["Location"] == "/ru/my/code/"
    assert Message.objects.filter(kind="one-time-code").count() == 1
    page = client.get("/ru/my/code/").content.decode()
    assert "+996 700 999 888" in page


def test_a_mistyped_phone_is_explained_in_russian_and_kept(client, db):
    response = client.post("/ru/my/", {"phone": "12345"})
    page = response.content.decode()
    assert "Введите киргизский мобильный номер" in page
    assert 'value="12345"' in page


def test_the_code_opens_every_registration_of_the_phone_and_no_other(client, offering):
    own = register(offering)
    second = register(OfferingFactory(), name="Айгүл Осмонова (кызы)")  # same phone
    stranger = register(OfferingFactory(), name="Бакыт Жумабеков", phone="+996700123456")
    assert sign_in(client)["Location"] == "/ky/my/"
    page = client.get("/ky/my/").content.decode()
    assert f"/ky/my/{own.token}/" in page
    assert f"/ky/my/{second.token}/" in page
    assert stranger.token not in page
    assert "+996 555 123 456" in page


def test_a_wrong_code_says_so_and_opens_nothing(client, offering):
    register(offering)
    client.post("/en/my/", {"phone": "0555 123 456"})
    response = client.post("/en/my/code/", {"code": "000000"})
    page = response.content.decode()
    assert "This code is not right" in page
    assert "Open my registrations" in page
    assert "Registrations made with the number" not in client.get("/en/my/").content.decode()


def test_the_code_page_without_a_phone_goes_back_to_the_phone_form(client, db):
    assert client.get("/ky/my/code/")["Location"] == "/ky/my/"


def test_too_many_codes_for_one_phone_are_refused_keeping_the_number(client, offering):
    register(offering)
    for _ in range(3):
        client.post("/en/my/", {"phone": "0555 123 456"})
    response = client.post("/en/my/", {"phone": "0555 123 456"})
    assert response.status_code == 429
    assert "Too many codes were asked for this number" in response.content.decode()
    assert 'value="0555 123 456"' in response.content.decode()


def test_too_many_codes_from_one_connection_are_refused(client, settings, db):
    settings.ONE_TIME_CODE_IP_RATE = "2/h"
    client.post("/en/my/", {"phone": "0700 000 001"})
    client.post("/en/my/", {"phone": "0700 000 002"})
    response = client.post("/en/my/", {"phone": "0700 000 003"})
    assert response.status_code == 429
    assert "from your connection" in response.content.decode()


def test_the_verified_phone_expires(client, offering, settings):
    register(offering)
    sign_in(client)
    session = client.session
    session["bilim.my.verified"]["until"] = 0
    session.save()
    page = client.get("/en/my/").content.decode()
    assert "Send me a code" in page


def test_cancel_from_the_list_stays_on_the_list(client, offering):
    registration = register(offering)
    sign_in(client)
    response = client.post(f"/ky/my/{registration.token}/cancel/", {"back": "list"})
    assert response["Location"] == "/ky/my/"
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


def test_sign_out_closes_the_list(client, offering):
    registration = register(offering)
    sign_in(client)
    client.post("/ky/my/sign-out/")
    assert registration.token not in client.get("/ky/my/").content.decode()


def test_certificate_link_in_the_list(client, offering):
    registration = register(offering)
    Certificate.objects.create(
        registration=registration, number="B-2026-000002", language="ky", hours=12
    )
    sign_in(client)
    assert f"/ky/my/{registration.token}/certificate.pdf" in client.get("/ky/my/").content.decode()


def test_the_list_costs_the_same_queries_however_many_registrations(
    client, offering, django_assert_max_num_queries
):
    register(offering)
    sign_in(client)
    with django_assert_max_num_queries(4):
        client.get("/ky/my/")
    for n in range(4):
        register(OfferingFactory(), name=f"Айгүл {n}")
    with django_assert_max_num_queries(4):
        page = client.get("/ky/my/").content.decode()
    assert page.count('class="my-item"') == 5
