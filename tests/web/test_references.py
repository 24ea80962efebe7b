"""Every hint, error and label a page points a screen reader to is on the page.

The site is walked through the test client over the demo network, in Kyrgyz, Russian and
English, anonymously and as staff: one page per route, each form shown empty and again
after an empty submission, so that its error messages are on the page too. An HTML parser
checks that every id named by aria-describedby, aria-labelledby, aria-controls and
label[for] exists; no browser is needed.
"""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from bilim.accounts.models import User
from bilim.certificates.models import Certificate
from bilim.helpdesk.models import Consultation
from bilim.partners.models import Agreement, Contribution
from bilim.programs.models import Program
from bilim.registrations.models import Registration
from bilim.scheduling.models import Offering
from bilim.walkins.models import Ticket
from tests.e2e.conftest import LANGS

REFERENCES = ("aria-describedby", "aria-labelledby", "aria-controls")
# Downloads, feeds and pages that are not the site's own HTML.
SKIPPED_SUFFIXES = (".pdf", ".ics", ".csv", ".png", ".xlsx", ".json")
SKIPPED_NAMESPACES = {"admin"}
# Staff roles of the demo network, each with the pages only it reaches.
STAFF = ["national", "center", "facilitator", "partner", "operator", "analyst", "region"]


class References(HTMLParser):
    """Collect the ids of a page and the ids its attributes name."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.named: list[tuple[str, str, str]] = []  # (attribute, id, tag)
        self.forms: list[dict[str, str | None]] = []  # with "required" set if a field is
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        for name in REFERENCES:
            for ref in (attributes.get(name) or "").split():
                self.named.append((name, ref, tag))
        if tag == "label" and "for" in attributes:
            self.named.append(("for", attributes["for"] or "", tag))
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "form":
            self.forms.append(attributes)
        if self.forms and "required" in attributes:
            self.forms[-1]["required"] = "required"

    def missing(self) -> list[str]:
        return [
            f'{name}="{ref}" on <{tag}>' for name, ref, tag in self.named if ref not in self.ids
        ]


def parse(html: str) -> References:
    parser = References()
    parser.feed(html)
    return parser


def route(path: str, lang: str) -> str | None:
    """Return the route's name (``namespace:name``) of a page of the site, or None to skip it."""
    if path.endswith(SKIPPED_SUFFIXES):
        return None
    try:
        with translation.override(lang):  # only the active language's prefix resolves
            match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    if match.namespace in SKIPPED_NAMESPACES or not match.url_name:
        return None
    return match.view_name


class Walk:
    """Visit one page per route in a language, following links from the seeds."""

    def __init__(self, client: Client, lang: str, seen: set[str]) -> None:
        self.client, self.lang, self.seen = client, lang, seen
        self.problems: dict[str, list[str]] = {}

    def run(self, seeds: list[str]) -> None:
        queue, tried = deque(seeds), set()
        while queue:
            path = queue.popleft()
            name = route(path, self.lang)
            if name is None or name in self.seen or path in tried:
                continue
            tried.add(path)
            response = self.client.get(path)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue  # another role may open it
            self.seen.add(name)
            page = self.check(path, response.content.decode())
            self.submit_empty(path, page)
            for href in page.links:
                url = urlsplit(href)
                if not url.netloc and url.path.startswith(f"/{self.lang}/"):
                    queue.append(url.path + (f"?{url.query}" if url.query else ""))

    def check(self, path: str, html: str) -> References:
        page = parse(html)
        if missing := page.missing():
            self.problems.setdefault(path, []).extend(missing)
        return page

    def submit_empty(self, path: str, page: References) -> None:
        """Submit each form that posts to this page empty, to see its error messages.

        Only forms that require something: an empty form without a required field may do
        what it offers (sign out, cancel) rather than answer with errors.
        """
        for form in page.forms:
            action = form.get("action") or path
            if (form.get("method") or "get").lower() != "post" or urlsplit(action).path != path:
                continue
            if not form.get("required"):
                continue
            response = self.client.post(path, {})
            if response.status_code == 200 and "html" in response.get("Content-Type", ""):
                self.check(f"{path} (sent empty)", response.content.decode())


@pytest.fixture(scope="module")
def _demo_loaded(django_db_setup, django_db_blocker):
    """Load the demo network once for the module, rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_loaded, db):
    return None


def personal_pages(lang: str) -> list[str]:
    """Return the personal page of one registration in each status (a link sent by message)."""
    tokens = {r.status: r.token for r in Registration.objects.order_by("-pk")}
    return [f"/{lang}/my/{token}/" for token in tokens.values()]


def unlinked_pages(lang: str) -> list[str]:
    """Return pages that no link of the walk leads to: reached by a search, a code or a form."""
    registration = Registration.objects.earliest("pk")
    agreement = Agreement.objects.select_related("partner").earliest("pk")
    contribution = Contribution.objects.select_related("partner").earliest("pk")
    pages = [
        ("registrations:my-code", {}),
        ("programs:staff-program-propose", {}),
        ("scheduling:staff-offering-propose", {}),
        ("scheduling:staff-my-calendar", {}),
        ("operator:person-detail", {"pk": registration.participant_id}),
        ("operator:registration-done", {"pk": registration.pk}),
        ("operator:registration-move", {"pk": registration.pk}),
        ("operator:registration-cancel", {"pk": registration.pk}),
        ("helpdesk:consultation-edit", {"pk": Consultation.objects.earliest("pk").pk}),
        ("partners:staff-agreement-edit", {"slug": agreement.partner.slug, "pk": agreement.pk}),
        (
            "partners:staff-contribution-edit",
            {"slug": contribution.partner.slug, "pk": contribution.pk},
        ),
        ("walkins:ticket-public", {"code": Ticket.objects.earliest("pk").code}),
        ("certificates:verify", {"code": Certificate.objects.earliest("pk").verification_code}),
        ("certificates:staff-revoke", {"pk": Certificate.objects.filter(revoked_at=None)[0].pk}),
    ]
    for program in Program.objects.exclude(status=Program.Status.PUBLISHED)[:3]:
        pages.append(("programs:staff-program-revise", {"code": program.code}))
    for offering in Offering.objects.order_by("status")[:3]:
        pages.append(("scheduling:staff-offering-decide", {"pk": offering.pk}))
    with translation.override(lang):
        return [reverse(name, kwargs=kwargs) for name, kwargs in pages]


def report(problems: dict[str, list[str]]) -> str:
    return "\n".join(f"{path}:\n  " + "\n  ".join(items) for path, items in problems.items())


@pytest.mark.parametrize("lang", LANGS)
def test_every_public_page_names_only_ids_it_has(demo, lang):
    walk = Walk(Client(), lang, seen=set())
    walk.run([f"/{lang}/", f"/{lang}/my/", f"/{lang}/certificates/verify/", *unlinked_pages(lang)])
    assert len(walk.seen) > 15, sorted(walk.seen)
    for page in personal_pages(lang):
        walk.seen.discard("registrations:mine")
        walk.run([page])
    assert not walk.problems, report(walk.problems)


@pytest.mark.parametrize("lang", LANGS)
def test_every_staff_page_names_only_ids_it_has(demo, lang):
    seen: set[str] = set()
    problems: dict[str, list[str]] = {}
    for username in STAFF:
        client = Client()
        client.force_login(User.objects.get(username=username))
        walk = Walk(client, lang, seen)
        walk.run([f"/{lang}/staff/", *unlinked_pages(lang)])
        problems.update(walk.problems)
    assert len(seen) > 70, sorted(seen)
    assert not problems, report(problems)
