"""Issuing in bulk (idempotent, numbered, announced in the person's language) and revoking."""

import datetime
import importlib
import re

import pytest
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone, translation

from bilim.certificates.errors import CertificateError
from bilim.certificates.models import Certificate, NumberSequence
from bilim.certificates.services import certificate_revoke, certificates_issue
from bilim.notifications.models import Message
from bilim.registrations.messages import short_link

from .conftest import NOW, make_group


def _ready_messages():
    return Message.objects.filter(kind="certificate-ready").order_by("pk")


def test_issuing_twice_gives_nobody_a_second_certificate(group):
    one = group.register("Айгүл Осмонова")
    two = group.register("Ольга Иванова", language="ru")
    group.attend(one, 4)
    group.attend(two, 3)
    first = certificates_issue(offering=group.offering, now=NOW)
    again = certificates_issue(offering=group.offering, now=NOW)
    assert {c.registration_id for c in first} == {one.pk, two.pk}
    assert again == []
    assert Certificate.objects.count() == 2
    assert _ready_messages().filter(channel=Message.Channel.SMS).count() == 2


def test_attendance_entered_later_earns_a_certificate_on_the_next_run(group):
    early = group.register("Айгүл Осмонова")
    late = group.register("Бакыт Жумабеков")
    group.attend(early, 4)
    group.attend(late, 2)
    assert len(certificates_issue(offering=group.offering, now=NOW)) == 1
    from bilim.attendance.models import Attendance

    Attendance.objects.create(
        session=group.sessions[3], registration=late, method=Attendance.Method.AFTERWARDS
    )
    [added] = certificates_issue(offering=group.offering, now=NOW)
    assert added.registration == late


def test_a_certificate_has_a_number_the_language_and_the_hours_of_the_program(group):
    person = group.register("Ольга Иванова", language="ru")
    group.attend(person, 3)
    [certificate] = certificates_issue(offering=group.offering, now=NOW)
    certificate.refresh_from_db()
    assert re.fullmatch(rf"KG-{NOW.year}-\d{{6}}", certificate.number)
    assert certificate.number == f"KG-{NOW.year}-000001"
    assert certificate.language == "ru"
    assert certificate.hours == group.offering.program.hours
    assert certificate.issued_at == NOW
    assert certificate.is_valid


def test_the_person_is_told_by_sms_and_email_in_their_language_with_their_link(group):
    person = group.register("Ольга Иванова", language="ru", email="olga@example.kg")
    group.attend(person, 4)
    certificates_issue(offering=group.offering, now=NOW)
    sms, email = _ready_messages()
    assert sms.channel == Message.Channel.SMS and sms.recipient == "+996700000001"
    assert email.channel == Message.Channel.EMAIL and email.recipient == "olga@example.kg"
    with translation.override("ru"):
        expected = translation.gettext("Your certificate for %(title)s is ready: %(link)s") % {
            "title": "Гражданское образование: избирательное право",
            "link": short_link(person),
        }
    assert sms.body == expected
    assert sms.language == "ru"
    assert f"/m/{person.link_code}" in sms.body  # the SMS carries the short link
    assert f"/ru/my/{person.token}/" in email.body  # the e-mail the full one


def test_a_kyrgyz_speaker_is_told_in_kyrgyz(group):
    person = group.register("Айгүл Осмонова", language="ky")
    group.attend(person, 4)
    certificates_issue(offering=group.offering, now=NOW)
    [sms] = _ready_messages()
    assert "Жарандык билим: шайлоо укугу жана өңүт" in sms.body
    assert f"/m/{person.link_code}" in sms.body


def test_a_group_that_has_not_ended_gets_no_certificates(db):
    group = make_group(days_ago=-7)
    with pytest.raises(CertificateError):
        certificates_issue(offering=group.offering, now=NOW)


def test_the_daily_command_issues_for_ended_groups_only_once(db):
    ended = make_group()
    coming = make_group(days_ago=-7)
    long_ago = make_group(days_ago=45)
    for group in (ended, coming, long_ago):
        group.attend(group.register("Айгүл Осмонова"), 4)
    call_command("issue_certificates", verbosity=0)
    call_command("issue_certificates", verbosity=0)
    assert list(Certificate.objects.values_list("registration__offering", flat=True)) == [
        ended.offering.pk
    ]


def test_revoking_needs_a_reason_and_happens_once(group, network):
    person = group.register("Айгүл Осмонова")
    group.attend(person, 4)
    [certificate] = certificates_issue(offering=group.offering, now=NOW)
    manager = network.users["center"]
    with pytest.raises(CertificateError):
        certificate_revoke(certificate=certificate, reason="   ", revoked_by=manager)
    certificate_revoke(certificate=certificate, reason="Issued by mistake", revoked_by=manager)
    certificate.refresh_from_db()
    assert not certificate.is_valid
    assert certificate.revoke_reason == "Issued by mistake"
    assert certificate.revoked_by == manager
    with pytest.raises(CertificateError):
        certificate_revoke(certificate=certificate, reason="Again", revoked_by=manager)
    # A revoked certificate is not replaced by the next run.
    assert certificates_issue(offering=group.offering, now=NOW) == []


def test_numbers_run_one_by_one_within_each_year_and_start_again_at_one(db):
    first, second = make_group(), make_group()
    for group, names in ((first, ("Айгүл Осмонова", "Бакыт Жумабеков")), (second, ("Ольга",))):
        for name in names:
            group.attend(group.register(name), 4)
    numbers = [c.number for c in certificates_issue(offering=first.offering, now=NOW)]
    numbers += [c.number for c in certificates_issue(offering=second.offering, now=NOW)]
    year = timezone.localtime(NOW).year
    assert numbers == [f"KG-{year}-000001", f"KG-{year}-000002", f"KG-{year}-000003"]
    next_year = make_group(days_ago=-400)
    next_year.attend(next_year.register("Жаңыл Мамбетова"), 4)
    later = NOW + datetime.timedelta(days=420)
    [certificate] = certificates_issue(offering=next_year.offering, now=later)
    assert certificate.number == f"KG-{timezone.localtime(later).year}-000001"


def test_the_count_continues_after_the_numbers_printed_before_it_was_kept(db):
    migration = importlib.import_module("bilim.certificates.migrations.0004_add_number_sequence")
    group = make_group()
    group.attend(group.register("Айгүл Осмонова"), 4)
    [old] = certificates_issue(offering=group.offering, now=NOW)
    year = timezone.localtime(NOW).year
    Certificate.objects.filter(pk=old.pk).update(number=f"KG-{year}-000417")
    NumberSequence.objects.all().delete()
    migration.continue_after_printed_numbers(apps, None)
    other = make_group()
    other.attend(other.register("Бакыт Жумабеков"), 4)
    [new] = certificates_issue(offering=other.offering, now=NOW)
    assert new.number == f"KG-{year}-000418"
