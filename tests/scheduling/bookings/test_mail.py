"""The decision reaches the requester in their language: e-mail over a real SMTP server, SMS."""

import pytest
from django.db import transaction

from bilim.accounts.models import Role
from bilim.notifications.models import Message
from bilim.notifications.sms import segments
from bilim.scheduling.errors import SchedulingError
from bilim.scheduling.services.bookings import booking_approve, booking_decline
from tests.scheduling.factories import SessionFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_approval_is_e_mailed_in_kyrgyz_after_commit(smtp, network, pending, hall):
    with transaction.atomic():
        booking_approve(booking=pending, room=hall, decided_by=network.users[Role.CENTER])
        assert smtp.messages == []  # nothing leaves before the decision is committed
    [mail] = smtp.to("aiperi@jashtar.kg")
    assert str(mail["subject"]).strip() == "Бөлмө сураган өтүнмөңүз бекитилди"
    body = mail.get_content()
    assert "Айпери Садыкова" in body and "Жаштар менен тегерек стол" in body
    assert "Чоң зал" in body and "30 мүнөт" in body
    sms = Message.objects.get(channel=Message.Channel.SMS)
    assert (sms.recipient, sms.language, sms.status) == ("+996555123456", "ky", "sent")


def test_decline_is_e_mailed_in_russian_with_the_reason(smtp, network, pending):
    pending.language = "ru"
    pending.save()
    booking_decline(
        booking=pending, reason="В этот день зал на ремонте", decided_by=network.users[Role.CENTER]
    )
    [mail] = smtp.to("aiperi@jashtar.kg")
    assert str(mail["subject"]).strip() == "Ваша заявка на помещение отклонена"
    assert "Причина: В этот день зал на ремонте" in mail.get_content()


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_a_long_reason_is_cut_in_the_sms_and_whole_in_the_e_mail(smtp, network, pending, lang):
    pending.language = lang
    pending.title = "Жаштар менен тегерек стол: шайлоо, жарандык демилге жана жергиликтүү бюджет"
    pending.save()
    reason = "Зал ремонтто. " * 30  # a reason of 420 characters
    booking_decline(booking=pending, reason=reason, decided_by=network.users[Role.CENTER])
    sms = Message.objects.get(channel=Message.Channel.SMS)
    assert sms.segments is not None and sms.segments <= 2
    assert segments(sms.body) == sms.segments
    assert "…" in sms.body or "..." in sms.body
    [mail] = smtp.to("aiperi@jashtar.kg")
    assert reason.strip() in mail.get_content()


def test_without_an_e_mail_address_only_the_sms_is_sent(smtp, network, pending, hall):
    pending.email = ""
    pending.save()
    booking_approve(booking=pending, room=hall, decided_by=network.users[Role.CENTER])
    assert smtp.messages == []
    assert list(Message.objects.values_list("channel", flat=True)) == ["sms"]


def test_a_refused_approval_sends_nothing(smtp, network, pending, hall):
    SessionFactory(
        offering__center=network.center_a1,
        room=hall,
        starts_at=pending.starts_at,
        ends_at=pending.ends_at,
    )
    with pytest.raises(SchedulingError):
        booking_approve(booking=pending, room=hall, decided_by=network.users[Role.CENTER])
    assert smtp.messages == []
    assert not Message.objects.exists()
