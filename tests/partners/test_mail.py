"""E-mail of the partners app, delivered to a real SMTP server on 127.0.0.1."""

import datetime
import socket
from functools import partial

import pytest
from django.core.management import call_command
from django.utils import timezone

from bilim.accounts.models import Role
from bilim.accounts.services import role_assign
from bilim.notifications.models import Message
from bilim.notifications.services import messages_deliver_due
from bilim.partners.models import Agreement, Direction, PartnershipApplication
from bilim.partners.services import agreements_remind_expiring, application_acknowledge
from bilim.partners.tasks import acknowledge_application
from tests.factories import PartnerFactory, UserFactory

from .factories import AgreementFactory, ApplicationFactory

TODAY = datetime.date(2026, 11, 20)


def _staff(username, role, language, email=None, **scope):
    address = f"{username}@bilim.kg" if email is None else email
    user = UserFactory(username=username, email=address, language=language)
    role_assign(user=user, role=role, **scope)
    return user


@pytest.fixture
def office(db):
    """Two national administrators (Kyrgyz, Russian), one without e-mail, one inactive."""
    partner = PartnerFactory()
    return {
        "ky": _staff("aigul", Role.NATIONAL, "ky"),
        "ru": _staff("sergei", Role.NATIONAL, "ru"),
        "no_email": _staff("noemail", Role.NATIONAL, "en", email=""),
        "inactive": UserFactory(username="gone", email="gone@bilim.kg", is_active=False),
        "analyst": _staff("ana", Role.ANALYST, "en"),
        "partner_user": _staff("par", Role.PARTNER, "en", partner_id=partner.pk),
    }


@pytest.fixture
def agreements(db):
    partner = PartnerFactory(
        name_ky="Санарип өнүгүү фонду",
        name_ru="Фонд цифрового развития",
        name_en="Digital Development Fund",
    )
    return {
        "soon": AgreementFactory(partner=partner, valid_until=TODAY + datetime.timedelta(days=12)),
        "edge": AgreementFactory(partner=partner, valid_until=TODAY + datetime.timedelta(days=30)),
        "later": AgreementFactory(partner=partner, valid_until=TODAY + datetime.timedelta(days=31)),
        "ended": AgreementFactory(partner=partner, valid_until=TODAY - datetime.timedelta(days=1)),
        "open": AgreementFactory(partner=partner, valid_until=None),
    }


@pytest.fixture
def after_commit(django_capture_on_commit_callbacks):
    """Run what the code leaves for after its commit (the outbox's delivery) as it would."""
    return partial(django_capture_on_commit_callbacks, execute=True)


def _smtp_down(settings) -> int:
    """Point mail at a port where nothing listens; return the real server's port."""
    port: int = settings.EMAIL_PORT
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        settings.EMAIL_PORT = sock.getsockname()[1]
    return port


def test_reminders_reach_each_national_administrator_in_their_language(
    smtp, office, agreements, after_commit
):
    role_assign(user=office["inactive"], role=Role.NATIONAL)
    with after_commit():
        run = agreements_remind_expiring(today=TODAY)
    assert run.reminded == 2
    recipients = {address for rcpt, _message in smtp.messages for address in rcpt}
    assert recipients == {"aigul@bilim.kg", "sergei@bilim.kg"}

    assert smtp.subjects("sergei@bilim.kg") == [
        "Срок соглашения с «Фонд цифрового развития» истекает 02.12.2026",
        "Срок соглашения с «Фонд цифрового развития» истекает 20.12.2026",
    ]
    assert smtp.subjects("aigul@bilim.kg") == [
        "«Санарип өнүгүү фонду» менен келишимдин мөөнөтү 02.12.2026 бүтөт",
        "«Санарип өнүгүү фонду» менен келишимдин мөөнөтү 20.12.2026 бүтөт",
    ]
    body = smtp.to("aigul@bilim.kg")[0].get_content()
    assert "Саламатсызбы" in body and "Bilim" in body

    reminded = Agreement.objects.filter(reminder_sent_on=TODAY)
    assert set(reminded) == {agreements["soon"], agreements["edge"]}


def test_reminders_are_sent_once(smtp, office, agreements, after_commit):
    with after_commit():
        agreements_remind_expiring(today=TODAY)
        assert agreements_remind_expiring(today=TODAY).reminded == 0
    assert len(smtp.messages) == 4
    # The next day only the agreement that has just come within 30 days is new.
    with after_commit():
        next_day = agreements_remind_expiring(today=TODAY + datetime.timedelta(days=1))
    assert next_day.reminded == 1
    assert len(smtp.messages) == 6
    agreements["later"].refresh_from_db()
    assert agreements["later"].reminder_sent_on == TODAY + datetime.timedelta(days=1)


def test_nothing_is_marked_when_nobody_can_be_told(smtp, agreements):
    run = agreements_remind_expiring(today=TODAY)
    assert run.reminded == 0
    assert not Agreement.objects.filter(reminder_sent_on__isnull=False).exists()


def test_reminders_wait_in_the_outbox_while_the_mail_server_is_down(
    smtp, settings, office, agreements, after_commit
):
    working_port = _smtp_down(settings)
    with after_commit():
        run = agreements_remind_expiring(today=TODAY)
    assert run.reminded == 2
    waiting = Message.objects.filter(kind="agreement-ends")
    assert [(m.status, m.attempts) for m in waiting] == [(Message.Status.PENDING, 1)] * 4
    assert all("refused" in m.last_error for m in waiting)
    assert smtp.messages == []

    settings.EMAIL_PORT = working_port
    assert messages_deliver_due(now=timezone.now() + datetime.timedelta(minutes=2)) == 4
    assert len(smtp.to("aigul@bilim.kg")) == len(smtp.to("sergei@bilim.kg")) == 2
    # The next run adds nothing: each agreement was reminded once.
    with after_commit():
        assert agreements_remind_expiring(today=TODAY).reminded == 0
    assert len(smtp.messages) == 4


def test_daily_command_sends_the_reminders(smtp, office, after_commit):
    today = timezone.localdate()
    AgreementFactory(
        valid_until=today + datetime.timedelta(days=3), signed_on=datetime.date(2024, 1, 1)
    )
    with after_commit():
        call_command("remind_expiring_agreements", "--days", "5", verbosity=0)
    assert len(smtp.messages) == 2
    assert Agreement.objects.get().reminder_sent_on == today


def test_acknowledgement_is_in_the_applicants_language_and_sent_once(smtp, db, after_commit):
    application = ApplicationFactory(language="ru", email="olga@fond.kg", contact_name="Ольга")
    with after_commit():
        assert application_acknowledge(application_id=application.pk) is True
        assert application_acknowledge(application_id=application.pk) is False
    [(rcpt, message)] = smtp.messages
    assert rcpt == ["olga@fond.kg"]
    assert smtp.subjects("olga@fond.kg") == ["Мы получили вашу заявку на партнёрство"]
    assert "Ольга" in message.get_content()
    application.refresh_from_db()
    assert application.acknowledged_at is not None


def test_acknowledgement_task_takes_the_primary_key(smtp, db, after_commit):
    application = ApplicationFactory(language="ky", email="aibek@jashtar.kg")
    with after_commit():
        result = acknowledge_application.enqueue(application.pk)
    assert result.return_value is True
    assert smtp.subjects("aibek@jashtar.kg") == ["Өнөктөштүк боюнча арызыңызды алдык"]


def test_submitted_form_is_acknowledged_over_smtp(
    client, smtp, db, django_capture_on_commit_callbacks
):
    data = {
        "organisation": "Digital Skills Foundation",
        "kind": "international",
        "contact_name": "Jane Doe",
        "email": "jane@dsf.org",
        "phone": "",
        "website": "",
        "offer": "Trainers for digital literacy courses.",
        "directions": [Direction.objects.get(code="digital").pk],
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/partners/apply/", data)
    assert response.status_code == 302
    [(rcpt, message)] = smtp.messages
    assert rcpt == ["jane@dsf.org"]
    assert smtp.subjects("jane@dsf.org") == ["We have received your partnership application"]
    assert "Digital Skills Foundation" in message.get_content()
    assert PartnershipApplication.objects.get().acknowledged_at is not None


THANKS = {"ky": "Рахмат", "ru": "Спасибо", "en": "Thank you"}
ACKNOWLEDGEMENT = {
    "ky": "Өнөктөштүк боюнча арызыңызды алдык",
    "ru": "Мы получили вашу заявку на партнёрство",
    "en": "We have received your partnership application",
}


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_application_sent_while_the_mail_server_is_down_is_acknowledged_once_it_is_back(
    client, smtp, settings, db, after_commit, lang
):
    working_port = _smtp_down(settings)
    data = {
        "organisation": "«Жаштар демилгеси» коомдук бирикмеси",
        "kind": "civil_society",
        "contact_name": "Айгүл Осмонова",
        "email": "aigul@jashtar.kg",
        "phone": "0555 123 456",
        "website": "",
        "offer": "Жаштар үчүн дебат клубдарын алып барабыз.",
        "directions": [Direction.objects.get(code="civic").pk],
    }
    with after_commit():
        response = client.post(f"/{lang}/partners/apply/", data)
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/partners/apply/thanks/"
    assert THANKS[lang] in client.get(response["Location"]).content.decode()
    assert PartnershipApplication.objects.get().language == lang

    [waiting] = Message.objects.filter(recipient="aigul@jashtar.kg")
    assert (waiting.status, waiting.attempts) == (Message.Status.PENDING, 1)
    assert waiting.subject == ACKNOWLEDGEMENT[lang]
    assert smtp.messages == []

    settings.EMAIL_PORT = working_port
    with after_commit():
        call_command("deliver_messages", verbosity=0)  # nothing is due before the retry time
        assert smtp.messages == []
        assert messages_deliver_due(now=waiting.next_attempt_at) == 1
    assert smtp.subjects("aigul@jashtar.kg") == [ACKNOWLEDGEMENT[lang]]
    assert "Жаштар демилгеси" in smtp.to("aigul@jashtar.kg")[0].get_content()
