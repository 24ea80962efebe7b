"""Today at the demo manager's center: two groups, a room request, a message that failed.

So that the staff home's "Today at <center>" has a day to show: one group has started
(full, two people waiting, half of them checked in so far); another, which met last week,
meets again later today; a youth group asks for a room next week; one reminder never
reached its person.
Loaded once a day: a second run finds today's started group and adds nothing.
"""

import datetime
from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max
from django.utils import timezone, translation

from bilim.accounts.models import Role, RoleAssignment, User
from bilim.attendance.models import Attendance
from bilim.attendance.services import attendance_mark, attendance_record
from bilim.centers.models import Center, Room
from bilim.notifications.models import Message
from bilim.notifications.services import BACKOFF_MINUTES, MAX_ATTEMPTS
from bilim.programs.models import Program
from bilim.registrations.models import Registration
from bilim.registrations.services import Person, registration_create
from bilim.scheduling.errors import SchedulingError
from bilim.scheduling.models import Offering, Session, SpaceBooking, local_datetime
from bilim.scheduling.services import Series, offering_add_series, offering_create
from bilim.scheduling.services.bookings import booking_request

STARTED_PROGRAM = "it-careers-expert-meeting"  # one session of two hours
# Two sessions of an hour and a half, a week apart: the group met last week already.
LATER_PROGRAM = "safe-mobile-banking"
CAPACITY = 10
# name, sex, language, birth year, checked in so far; the last two found the group full.
STARTED_PEOPLE = [
    ("Бекзат Абдыраимов", "male", "ky", 2003, True),
    ("Айзада Карыбекова", "female", "ky", 2000, True),
    ("Дмитрий Ли", "male", "ru", 1997, False),
    ("Нуриза Асылбекова", "female", "ky", 2005, True),
    ("Эмир Сатыбалдиев", "male", "ky", 2006, False),
    ("Екатерина Соколова", "female", "ru", 1999, True),
    ("Алымбек Турдубаев", "male", "ky", 1988, False),
    ("Жазгүл Орозбаева", "female", "ky", 2002, True),
    ("Тилек Мамытов", "male", "ky", 2004, False),
    ("Алина Ахмедова", "female", "ru", 2001, False),
    ("Каныкей Бейшенова", "female", "ky", 2003, False),
    ("Артур Ким", "male", "ru", 1995, False),
]
# name, sex, language, birth year, came last week
LATER_PEOPLE = [
    ("Гүлмира Жусупова", "female", "ky", 1961, True),
    ("Владимир Романов", "male", "ru", 1956, True),
    ("Асел Чыныбаева", "female", "ky", 1979, False),
    ("Бурулай Эсенова", "female", "ky", 1985, True),
    ("Наталья Ефимова", "female", "ru", 1968, True),
]
UNREACHED = "Тилек Мамытов"  # the reminder never reached him, and he has not come
CHECK_IN_METHODS = [Attendance.Method.QR, Attendance.Method.CODE, Attendance.Method.ROSTER]
# Who asks for a room next week, and for what.
REQUESTER = "Айпери Садыкова"
REQUEST_TITLE = "Айылдын бюджети: жаштардын сунуштары"
REQUEST_DESCRIPTION = (
    "Жаштар айыл өкмөтүнүн өкүлү менен жолугуп, быйылкы бюджет боюнча сунуштарын талкуулашат."
)
HOUR = datetime.timedelta(hours=1)
# Sessions end by then: a series takes times of one day, never past midnight.
LAST_END = datetime.time(23, 30)


def _manager_center() -> tuple[Center, User] | None:
    assignment = (
        RoleAssignment.objects.filter(role=Role.CENTER, user__username="center")
        .select_related("center", "user")
        .first()
    )
    if assignment is None or assignment.center is None:
        return None
    return assignment.center, assignment.user


def load_today(*, now: datetime.datetime) -> None:
    """Give the demo manager's center a day: groups, a room request, a failed message."""
    found = _manager_center()
    if found is None:
        return
    center, manager = found
    today = timezone.localdate(now)
    midnight = local_datetime(today)
    started_today = Session.objects.filter(
        offering__center=center,
        offering__program__code=STARTED_PROGRAM,
        starts_at__gte=midnight,
        starts_at__lt=midnight + datetime.timedelta(days=1),
    )
    if not started_today.exists():
        _load_groups(center, manager, now=now)
    _load_request(center, now=now)


def _duration(program: Program) -> datetime.timedelta:
    return datetime.timedelta(minutes=int(program.hours * 60 / program.session_count))


def _half_hour(moment: datetime.datetime) -> datetime.datetime:
    """The local moment rounded down to the half hour."""
    local = timezone.localtime(moment)
    return local.replace(minute=local.minute // 30 * 30, second=0, microsecond=0)


def _starts(
    now: datetime.datetime, started: datetime.timedelta, later: datetime.timedelta
) -> tuple[datetime.datetime, datetime.datetime | None]:
    """When the started group began and the later one begins (None: too late today).

    An hour ago, but not before nine once the day has begun, so that it has started
    whatever the hour; the other after it, not before two, and not yet begun.
    """
    today = timezone.localdate(now)
    last_end = local_datetime(today, LAST_END)
    first = max(_half_hour(now - HOUR), local_datetime(today))
    if now >= local_datetime(today, datetime.time(9)):
        first = max(first, local_datetime(today, datetime.time(9)))
    first = min(first, last_end - started)
    second = max(
        _half_hour(now + 1.5 * HOUR), first + started, local_datetime(today, datetime.time(14))
    )
    return first, second if second + later <= last_end else None


def _group(
    center: Center,
    program: Program,
    *,
    language: str,
    capacity: int,
    starts_at: datetime.datetime,
    rooms: Sequence[Room],
    facilitators: Sequence[User],
    weeks: int = 1,
) -> Session | None:
    """Create a group meeting weekly up to `starts_at`, in the first room free then.

    Return its session at `starts_at`; None when it cannot meet today.
    """
    local = timezone.localtime(starts_at)
    ends = (local + _duration(program)).time()
    series = Series(
        local.date() - datetime.timedelta(weeks=weeks - 1),
        local.date(),
        frozenset({local.weekday()}),
        local.time(),
        ends,
    )
    options: list[tuple[Room | None, Sequence[User]]] = [(room, facilitators) for room in rooms]
    for room, people in [*options, (None, [])]:
        try:
            with transaction.atomic():
                offering = offering_create(
                    program=program,
                    center=center,
                    format=Offering.Format.OFFLINE,
                    language=language,
                    capacity=capacity,
                    facilitators=people,
                )
                offering_add_series(offering=offering, series=series, room=room)
        except SchedulingError:
            # The room or the facilitator is taken then (by groups of a demo loaded on an
            # earlier day), or the center is closed today: try the next, at last no room.
            continue
        return offering.sessions.select_related("offering__program").get(starts_at=starts_at)
    return None


def _register(
    session: Session, people: Sequence[tuple[str, str, str, int]], *, phone: str
) -> list[Registration]:
    """Register people one after the other over the week before the group's first session."""
    first = (session.offering.first_starts_at or session.starts_at) - datetime.timedelta(days=8)
    step = datetime.timedelta(days=7) / len(people)
    return [
        registration_create(
            offering=session.offering,
            person=Person(
                name=name,
                phone=phone.format(index=index),
                sex=sex,
                language=language,
                birth_year=birth_year,
            ),
            channel=Registration.Channel.PHONE if index % 4 == 1 else Registration.Channel.WEB,
            now=first + index * step,
        ).registration
        for index, (name, sex, language, birth_year) in enumerate(people)
    ]


def _load_groups(center: Center, manager: User, *, now: datetime.datetime) -> None:
    started_program = Program.objects.get(code=STARTED_PROGRAM)
    later_program = Program.objects.get(code=LATER_PROGRAM)
    first, second = _starts(now, _duration(started_program), _duration(later_program))
    rooms = list(center.rooms.order_by("pk"))
    facilitator = User.objects.filter(
        username="facilitator",
        role_assignments__role=Role.FACILITATOR,
        role_assignments__center=center,
    ).first()
    session = _group(
        center,
        started_program,
        language="ky",
        capacity=CAPACITY,
        starts_at=first,
        rooms=rooms,
        facilitators=[facilitator] if facilitator else [],
    )
    if session is None:
        return  # closed today
    registrations = _register(
        session, [person[:4] for person in STARTED_PEOPLE], phone="+996705{index:06d}"
    )
    came = [r for r, person in zip(registrations, STARTED_PEOPLE, strict=True) if person[4]]
    for index, registration in enumerate(came):
        attendance_mark(
            session=session,
            registration=registration,
            method=CHECK_IN_METHODS[index % len(CHECK_IN_METHODS)],
            marked_by=manager,
        )
    unreached = next(r for r in registrations if r.participant.name == UNREACHED)
    _failed_reminder(session, unreached)
    if second is not None:
        later = _group(
            center,
            later_program,
            language="ru",
            capacity=15,
            starts_at=second,
            rooms=rooms[::-1],
            facilitators=[],
            weeks=2,
        )
        if later is not None:
            _met_last_week(later, manager)


def _met_last_week(session: Session, manager: User) -> None:
    """Register the later group, and record who came to its first session."""
    registrations = _register(
        session, [person[:4] for person in LATER_PEOPLE], phone="+996706{index:06d}"
    )
    for earlier in session.offering.sessions.filter(starts_at__lt=session.starts_at):
        attendance_record(
            session=earlier,
            present_registration_ids=[
                r.pk for r, person in zip(registrations, LATER_PEOPLE, strict=True) if person[4]
            ],
            marked_by=manager,
            now=earlier.ends_at,
        )


def _failed_reminder(session: Session, registration: Registration) -> None:
    """The day-before reminder of a session, given up after every retry."""
    # Written directly: no service fails a message on purpose. The demo shows what a
    # failed delivery looks like; its key is the one the reminders use, so they skip it.
    queued_at = session.starts_at - datetime.timedelta(hours=24)
    center = session.offering.center
    local = timezone.localtime(session.starts_at)
    with translation.override("ky"):  # he reads Kyrgyz (UNREACHED)
        title, place = session.offering.program.title, center.name if center else ""
    message = Message.objects.create(
        channel=Message.Channel.SMS,
        recipient=registration.participant.phone,
        language="ky",
        kind="reminder-24h",
        body=f"Эскертүү: {title}, {local:%d.%m.%Y %H:%M}, {place}.",
        center=center,
        dedupe_key=f"reminder-24h:session:{session.pk}:registration:{registration.pk}",
        status=Message.Status.FAILED,
        attempts=MAX_ATTEMPTS,
        # When the last attempt was due: after the first, the backoff waited each delay.
        next_attempt_at=queued_at + datetime.timedelta(minutes=sum(BACKOFF_MINUTES)),
        last_error="SmsTemporaryError: HTTP 503: gateway answered 503 Service Unavailable",
    )
    Message.objects.filter(pk=message.pk).update(created_at=queued_at)


def _load_request(center: Center, *, now: datetime.datetime) -> None:
    """A youth group asks for a room on a day next week, unless it already has."""
    asked = SpaceBooking.objects.filter(center=center, requester_name=REQUESTER, starts_at__gt=now)
    largest = center.rooms.aggregate(m=Max("capacity"))["m"]
    if asked.exists() or largest is None:
        return
    today = timezone.localdate(now)
    monday = today + datetime.timedelta(days=7 - today.weekday())
    # Wednesday afternoon, or another weekday if the center is closed that day.
    for offset in (2, 3, 1, 4, 0):
        day = monday + datetime.timedelta(days=offset)
        try:
            booking_request(
                center=center,
                purpose=SpaceBooking.Purpose.ROUND_TABLE,
                title=REQUEST_TITLE,
                description=REQUEST_DESCRIPTION,
                needs="проектор, тегерек стол, микрофон",
                expected_attendance=min(18, largest),
                starts_at=local_datetime(day, datetime.time(15)),
                ends_at=local_datetime(day, datetime.time(17)),
                requester_name=REQUESTER,
                organisation="«Жаш Муун» жаштар демилгелүү тобу",
                phone="+996 709 412 755",
                language="ky",
                now=now,
            )
        except SchedulingError:
            continue
        return
