"""A group that ended at the demo manager's center: attendance and certificates, one revoked.

So that the staff certificates page and the verification page have something to show.
Loaded once: a second run finds the certificates and adds nothing.
"""

import datetime

from django.utils import timezone

from bilim.accounts.models import Role, RoleAssignment
from bilim.attendance.services import attendance_record
from bilim.certificates.models import Certificate
from bilim.certificates.services import certificate_revoke, certificates_issue
from bilim.programs.models import Program
from bilim.registrations.models import Registration
from bilim.registrations.services import Person, registration_create
from bilim.scheduling.models import Offering
from bilim.scheduling.services import Series, offering_add_series, offering_create

PROGRAM = "national-traditions"  # 4 sessions; a certificate for 75 % of them
# name, sex, language, birth year, how many of the sessions they came to
PEOPLE = [
    ("Айгүл Өмүрбекова", "female", "ky", 1958, 4),
    ("Нурлан Сыдыков", "male", "ky", 1990, 4),
    ("Гүлнара Токтогулова", "female", "ky", 1975, 3),
    ("Ольга Петренко", "female", "ru", 1984, 4),
    ("Үмүт Жээнбекова", "female", "ky", 2001, 3),
    ("Сергей Ким", "male", "ru", 1969, 4),
    ("Бактыгүл Ашымова", "female", "ky", 1952, 4),
    ("Мирлан Абдыкадыров", "male", "ky", 1998, 3),
    ("Жаңыл Мамбетова", "female", "ky", 1963, 2),
    ("Анна Воробьёва", "female", "ru", 1995, 1),
]
REVOKED = "Сергей Ким"


def load_finished_group(*, today: datetime.date) -> None:
    """Run a four-session group over the last three weeks and issue its certificates."""
    if Certificate.objects.exists():
        return
    assignment = (
        RoleAssignment.objects.filter(role=Role.CENTER, user__username="center")
        .select_related("center", "user")
        .first()
    )
    if assignment is None or assignment.center is None:
        return
    center, manager = assignment.center, assignment.user
    program = Program.objects.get(code=PROGRAM)
    offering = offering_create(
        program=program, center=center, format=Offering.Format.OFFLINE, language="ky", capacity=15
    )
    # Tuesdays and Thursdays of two weeks, ending about ten days ago.
    monday = today - datetime.timedelta(days=today.weekday() + 21)
    offering_add_series(
        offering=offering,
        series=Series(
            monday,
            monday + datetime.timedelta(days=13),
            frozenset({1, 3}),
            datetime.time(14),
            datetime.time(15, 30),
        ),
        room=center.rooms.order_by("pk").first(),
    )
    offering.refresh_from_db()
    if offering.first_starts_at is None or offering.last_ends_at is None:
        return  # every day of the series was a holiday
    signed_up = offering.first_starts_at - datetime.timedelta(days=5)
    present: dict[int, list[int]] = {}
    sessions = list(offering.sessions.order_by("starts_at"))
    for index, (name, sex, language, birth_year, came) in enumerate(PEOPLE):
        registration = registration_create(
            offering=offering,
            person=Person(
                name=name,
                phone=f"+996770{index:06d}",
                sex=sex,
                language=language,
                birth_year=birth_year,
            ),
            channel=Registration.Channel.PHONE if index % 3 == 0 else Registration.Channel.WEB,
            now=signed_up,
        ).registration
        for session in sessions[:came]:
            present.setdefault(session.pk, []).append(registration.pk)
    for session in sessions:
        attendance_record(
            session=session,
            present_registration_ids=present.get(session.pk, []),
            marked_by=manager,
            now=session.ends_at,
        )
    morning_after = min(offering.last_ends_at + datetime.timedelta(hours=18), timezone.now())
    issued = certificates_issue(offering=offering, now=morning_after)
    for certificate in issued:
        if certificate.registration.participant.name == REVOKED:
            certificate_revoke(
                certificate=certificate,
                reason="Выдан по ошибке: участник посещал другую группу.",
                revoked_by=manager,
                now=morning_after + datetime.timedelta(days=2),
            )
