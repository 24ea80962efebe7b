import itertools

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from bilim.accounts.models import Role, User
from bilim.accounts.selectors import scope_for
from bilim.centers.models import Center, Room
from bilim.demo.network import CENTER_COUNT, allocate
from bilim.geography.models import Region
from bilim.partners.models import Agreement, Contribution, Partner, PartnershipApplication
from bilim.partners.selectors import application_counts, partner_list
from bilim.programs.models import Program
from bilim.scheduling.models import Offering, Session


@pytest.fixture(scope="module")
def _demo_loaded(django_db_setup, django_db_blocker):
    """Load the demo once for the module, in a transaction rolled back at its end.

    Loading takes seconds; each test still runs in its own savepoint (the `db` fixture).
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_loaded, db):
    return None


def test_seventy_open_centers_cover_every_region(demo):
    assert Center.objects.filter(status=Center.Status.OPEN).count() == CENTER_COUNT
    for region in Region.objects.all():
        assert Center.objects.filter(district__region=region).exists(), region.name_en


def test_centers_follow_population(demo):
    by_region = {
        r.code: Center.objects.filter(district__region=r).count() for r in Region.objects.all()
    }
    osh_oblast, talas = by_region["41706000000000"], by_region["41707000000000"]
    assert osh_oblast > 3 * talas  # 1.44 M people against 0.27 M


def test_every_center_has_rooms_and_names_in_three_languages(demo):
    for center in Center.objects.prefetch_related("rooms"):
        assert center.rooms.exists(), center.code
        assert center.name_ky and center.name_ru and center.name_en
        assert center.address_ky and center.address_ru and center.address_en
    assert Room.objects.filter(capacity__gt=0).count() == Room.objects.count()


def test_partners_from_the_founding_announcement_are_present(demo):
    names_ru = " | ".join(Partner.objects.values_list("name_ru", flat=True))
    for fragment in ("KOICA", "ОБСЕ", "Тундук", "Мурас", "Союз банков", "Парк высоких технологий"):
        assert fragment in names_ru, fragment
    assert Partner.objects.count() >= 30
    assert set(Partner.objects.values_list("kind", flat=True)) >= {
        "state",
        "academic",
        "civil_society",
        "business",
        "international",
        "individual",
    }


def test_launch_catalog_has_about_twenty_programs_in_three_languages(demo):
    programs = Program.objects.filter(status=Program.Status.PUBLISHED)
    assert 18 <= programs.count() <= 25
    for program in programs:
        assert program.title_ky and program.title_ru and program.title_en
        assert program.summary_ky and program.summary_ru and program.summary_en
    directions = set(programs.values_list("direction__code", flat=True))
    assert directions == {"civic", "digital", "e-services", "community"}


def test_one_demo_login_per_role_with_a_working_scope(demo):
    for role in Role:
        users = User.objects.filter(role_assignments__role=role)
        assert users.count() == 1, role
        scope = scope_for(users.get())
        assert scope.has_role(role)
    assert User.objects.get(username="center").check_password("bilim-demo")


def test_loading_twice_changes_nothing(demo):
    counts = (
        Center.objects.count(),
        Room.objects.count(),
        Partner.objects.count(),
        Program.objects.count(),
        User.objects.count(),
        Agreement.objects.count(),
        Contribution.objects.count(),
        PartnershipApplication.objects.count(),
        Offering.objects.count(),
        Session.objects.count(),
    )
    call_command("load_demo", verbosity=0)
    assert counts == (
        Center.objects.count(),
        Room.objects.count(),
        Partner.objects.count(),
        Program.objects.count(),
        User.objects.count(),
        Agreement.objects.count(),
        Contribution.objects.count(),
        PartnershipApplication.objects.count(),
        Offering.objects.count(),
        Session.objects.count(),
    )


def test_every_center_offers_programs_in_the_coming_weeks_without_double_booking(demo):
    now = timezone.now()
    for center in Center.objects.all():
        upcoming = Offering.objects.filter(center=center, first_starts_at__gt=now)
        assert upcoming.count() == 2, center.code
    assert Offering.objects.filter(format=Offering.Format.ONLINE).count() == 3
    sessions = list(Session.objects.exclude(room=None).order_by("room_id", "starts_at"))
    for earlier, later in itertools.pairwise(sessions):
        if earlier.room_id == later.room_id:
            assert earlier.ends_at <= later.starts_at, (earlier, later)


def test_national_office_sees_an_agreement_ending_soon_and_an_application(demo):
    national = scope_for(User.objects.get(username="national"))
    expiring = partner_list(scope=national, today=timezone.localdate(), expiring_only=True)
    assert [p.slug for p in expiring] == ["undp"]
    assert application_counts(scope=national)["received"] == 1
    assert Contribution.objects.filter(kind="funding", currency="USD").exists()


@pytest.mark.parametrize(
    ("total", "weights", "expected"),
    [
        (10, {"a": 1, "b": 1}, {"a": 5, "b": 5}),
        (3, {"a": 1, "b": 1, "c": 1}, {"a": 1, "b": 1, "c": 1}),
        (7, {"a": 6, "b": 1}, {"a": 6, "b": 1}),
        (5, {"a": 1, "b": 1}, {"a": 3, "b": 2}),
    ],
)
def test_allocation_by_largest_remainder(total, weights, expected):
    assert allocate(total, weights) == expected
    assert sum(allocate(total, weights).values()) == total
