"""The demo network's activity: partners' agreements, contributions and an application,
and the groups each center runs over the coming weeks. Dates follow the day of loading."""

import datetime
import random
from decimal import Decimal

from bilim.accounts.models import Role, RoleAssignment, User
from bilim.centers.models import Center
from bilim.geography.models import Region
from bilim.partners.models import Direction, Partner, PartnershipApplication
from bilim.partners.services import agreement_save, application_submit, contribution_save
from bilim.programs.models import Program
from bilim.scheduling.models import Offering
from bilim.scheduling.services import Series, offering_add_series, offering_create

from .files import load_json


def load_agreements(*, today: datetime.date) -> None:
    """Give a few partners agreements (one ending soon), contributions and one application.

    Only partners without any yet: re-running never duplicates them nor moves their dates.
    """
    data = load_json("agreements.json")
    partners = Partner.objects.in_bulk(field_name="slug")
    for item in data["agreements"]:
        partner = partners[item["partner"]]
        if partner.agreements.exists():
            continue
        valid_for = item["valid_for_days"]
        agreement_save(
            partner=partner,
            kind=item["kind"],
            number=item["number"],
            signed_on=today - datetime.timedelta(days=item["signed_days_ago"]),
            valid_until=today + datetime.timedelta(days=valid_for) if valid_for else None,
            scopes=item["scope"],
        )
    for item in data["contributions"]:
        partner = partners[item["partner"]]
        if partner.contributions.exists():
            continue
        contribution_save(
            partner=partner,
            kind=item["kind"],
            year=today.year,
            descriptions=item["description"],
            amount=Decimal(item["amount"]) if item["amount"] else None,
            currency=item["currency"],
        )
    for item in data["applications"]:
        if PartnershipApplication.objects.filter(organisation=item["organisation"]).exists():
            continue
        application_submit(
            organisation=item["organisation"],
            kind=item["kind"],
            contact_name=item["contact_name"],
            email=item["email"],
            phone=item["phone"],
            offer=item["offer"],
            directions=Direction.objects.filter(code__in=item["directions"]),
            regions=Region.objects.filter(code__in=item["regions"]),
            language=item["language"],
        )


# (weekdays, start) of the two demo offerings a center runs: one in the morning, one late.
OFFERING_SLOTS = [
    (frozenset({1, 3}), datetime.time(10)),
    (frozenset({0, 2}), datetime.time(15, 30)),
]
ONLINE_STREAM = "https://meet.example.org/bilim-{code}"


def _series_for(
    program: Program, weekdays: frozenset[int], start: datetime.time, first_day: datetime.date
) -> Series:
    minutes = int(program.hours * 60 / program.session_count)
    ends = (
        datetime.datetime.combine(first_day, start) + datetime.timedelta(minutes=minutes)
    ).time()
    if program.session_count == 1:
        day = first_day + datetime.timedelta(days=(min(weekdays) - first_day.weekday()) % 7)
        return Series(day, day, frozenset({day.weekday()}), start, ends)
    weeks = -(-program.session_count // len(weekdays))
    return Series(
        first_day, first_day + datetime.timedelta(weeks=weeks, days=-1), weekdays, start, ends
    )


def load_offerings(centers: list[Center], *, today: datetime.date) -> None:
    """Give each center two offerings over the coming weeks, and the network three online ones.

    Only centers without offerings get them, so a second run adds nothing.
    """
    programs = list(Program.objects.filter(status=Program.Status.PUBLISHED).order_by("code"))
    facilitator = User.objects.filter(username="facilitator").first()
    facilitated = set(
        RoleAssignment.objects.filter(user=facilitator, role=Role.FACILITATOR).values_list(
            "center_id", flat=True
        )
    )
    for center in centers:
        if center.offerings.exists():
            continue
        rng = random.Random(f"offerings-{center.code}")
        rooms = list(center.rooms.order_by("pk"))
        for index, (weekdays, start) in enumerate(OFFERING_SLOTS):
            program = rng.choice(programs)
            room = rooms[index % len(rooms)]
            offering = offering_create(
                program=program,
                center=center,
                format=Offering.Format.OFFLINE,
                language=program.languages[index % len(program.languages)],
                capacity=min(room.capacity, 20),
                facilitators=[facilitator]
                if facilitator and index == 0 and center.pk in facilitated
                else [],
            )
            first_day = today + datetime.timedelta(days=rng.randint(1, 14))
            offering_add_series(
                offering=offering,
                series=_series_for(program, weekdays, start, first_day),
                room=room,
            )
    if Offering.objects.filter(center__isnull=True).exists():
        return
    for code in ("digital-literacy-50-plus", "personal-data", "it-careers-expert-meeting"):
        program = Program.objects.get(code=code)
        offering = offering_create(
            program=program, center=None, format=Offering.Format.ONLINE, language="ru", capacity=100
        )
        offering_add_series(
            offering=offering,
            series=_series_for(
                program, frozenset({4}), datetime.time(19), today + datetime.timedelta(days=2)
            ),
            stream_url=ONLINE_STREAM.format(code=code),
            open_to_everyone=True,
        )
