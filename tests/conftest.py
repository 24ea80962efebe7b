import pytest

from bilim.accounts.models import Role
from bilim.accounts.services import role_assign
from bilim.geography.services import geography_sync
from bilim.partners.reference import directions_ensure
from bilim.programs.reference import audiences_ensure
from tests.factories import (
    CenterFactory,
    DistrictFactory,
    PartnerFactory,
    ProgramFactory,
    RegionFactory,
    UserFactory,
)

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached fragments and rate-limit counters never leak from one test into another."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Every test starts in the site's default language.

    A request to /ru/ or /en/ leaves its language active in the thread, and the next test
    would read its messages and reverse() its addresses in that language.
    """
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Every database test sees the seeded directions and audiences.

    Migrations seed them once, but a transactional test (worker, browser) flushes
    the tables when it ends, and --reuse-db keeps the flushed database.
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = bool(marker and marker.kwargs.get("transaction")) or any(
        name in request.fixturenames for name in ("transactional_db", "live_server")
    )
    if transactional:
        request.getfixturevalue("transactional_db")
    elif marker or "db" in request.fixturenames:
        request.getfixturevalue("db")
    else:
        return
    directions_ensure()
    audiences_ensure()


@pytest.fixture
def geography(db):
    """The real regions and districts shipped in the repository."""
    return geography_sync()


class Network:
    """Two regions with two centers each, a partner with its program, one user per role."""

    def __init__(self) -> None:
        self.region_a = RegionFactory(name_en="Region A")
        self.region_b = RegionFactory(name_en="Region B")
        district_a = DistrictFactory(region=self.region_a)
        district_b = DistrictFactory(region=self.region_b)
        self.center_a1 = CenterFactory(district=district_a, name_en="Center A1")
        self.center_a2 = CenterFactory(district=district_a, name_en="Center A2")
        self.center_b1 = CenterFactory(district=district_b, name_en="Center B1")
        self.center_b2 = CenterFactory(district=district_b, name_en="Center B2")
        self.partner = PartnerFactory()
        self.other_partner = PartnerFactory()
        self.own_program = ProgramFactory(lead_partner=self.partner, title_en="Own program")
        self.co_program = ProgramFactory(lead_partner=self.other_partner, title_en="Co program")
        self.co_program.partners.add(self.partner)
        self.foreign_program = ProgramFactory(
            lead_partner=self.other_partner, title_en="Foreign program"
        )
        self.users = {
            Role.NATIONAL: self._user("nat", Role.NATIONAL),
            Role.REGION: self._user("reg", Role.REGION, region_id=self.region_a.pk),
            Role.CENTER: self._user("cen", Role.CENTER, center_id=self.center_a1.pk),
            Role.FACILITATOR: self._user("fac", Role.FACILITATOR),
            Role.PARTNER: self._user("par", Role.PARTNER, partner_id=self.partner.pk),
            Role.OPERATOR: self._user("ope", Role.OPERATOR),
            Role.ANALYST: self._user("ana", Role.ANALYST),
        }
        self.no_role = UserFactory(username="norole")

    @staticmethod
    def _user(username: str, role: Role, **scope: int):
        user = UserFactory(username=username)
        role_assign(user=user, role=role, **scope)
        return user


@pytest.fixture
def network(db) -> Network:
    return Network()
