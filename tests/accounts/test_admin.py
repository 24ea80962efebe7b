"""The Django admin shows the data and writes none of it: the services are the one write path."""

from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.admin.sites import AdminSite
from django.db.models import Model
from django.urls import reverse

from bilim.accounts.models import Role, User
from bilim.accounts.services import role_assign
from bilim.attendance.services import attendance_mark
from bilim.guides.services import guide_create
from bilim.helpdesk.models import ServiceCategory
from bilim.helpdesk.reference import categories_ensure
from bilim.notifications.services import message_queue
from bilim.partners.models import ApplicationEvent, PartnershipApplication
from bilim.programs.services.programs import theme_upsert
from bilim.scheduling.services.feed_tokens import feed_token_get_or_create
from tests.attendance.conftest import group_facilitator, register, started_session
from tests.factories import RoomFactory, UserFactory
from tests.guides.conftest import fields as guide_fields
from tests.partners.factories import AgreementFactory, ApplicationFactory, ContributionFactory
from tests.walkins.conftest import take

# The one list still edited in the admin: no service writes it and no staff page shows it yet.
EDITABLE = {ServiceCategory}
LANGUAGES = ("ky", "ru", "en")


class Controls(HTMLParser):
    """Collect the form controls a person could type into, pick or tick, and the links."""

    def __init__(self) -> None:
        super().__init__()
        self.editable: list[str] = []
        self.links: list[str] = []
        self.in_search = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.in_search = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "form":
            self.in_search = values.get("id") == "changelist-search"
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag not in ("input", "select", "textarea") or self.in_search:
            return  # the list's search box only reads
        kind = values.get("type", "text")
        name = values.get("name") or ""
        if kind == "hidden" or values.get("id") == "nav-filter":
            return  # csrf and formset bookkeeping; the menu's filter of its own links
        self.editable.append(f"<{tag} type={kind} name={name}>")


def controls(html: str) -> Controls:
    parser = Controls()
    parser.feed(html)
    return parser


def one_of_each(network) -> dict[type[Model], Model]:
    """One row of every model the admin shows, made the way the apps make them."""
    session = started_session(network, group_facilitator())
    registration = register(session.offering, 1)
    attendance = attendance_mark(
        session=session, registration=registration, method="manual", marked_by=None
    ).attendance
    categories_ensure()
    application = PartnershipApplication.objects.get(pk=ApplicationFactory().pk)
    ApplicationEvent.objects.create(application=application, to_status="new")
    AgreementFactory(partner=network.partner)
    ContributionFactory(partner=network.partner)
    RoomFactory(center=network.center_a1)
    (ticket,) = take(network.center_a1)
    rows: list[Model | None] = [
        network.users[Role.CENTER],
        network.region_a,
        network.center_a1.district,
        network.center_a1,
        network.partner.directions.first() or network.own_program.direction,
        network.partner,
        application,
        network.own_program,
        network.own_program.audiences.first() or _first("programs.Audience"),
        theme_upsert(code="voting", names={"ky": "Шайлоо", "ru": "Выборы", "en": "Voting"}),
        session.offering,
        session,
        feed_token_get_or_create(user=network.users[Role.CENTER]),
        message_queue(channel="sms", recipient="+996555000001", body="Салам", kind="test"),
        attendance,
        ServiceCategory.objects.first(),
        ticket,
        guide_create(fields=guide_fields(), user=None),
        _task_result(),
    ]
    return {type(row): row for row in rows if row is not None}


def _first(label: str) -> Model | None:
    from django.apps import apps

    row: Model | None = apps.get_model(label).objects.first()
    return row


def _task_result() -> Model:
    from django_tasks_db.models import DBTaskResult, get_date_max

    return DBTaskResult.objects.create(
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="bilim.notifications.tasks.deliver_message",
        backend_name="default",
        run_after=get_date_max(),
        exception_class_path="",
        traceback="",
    )


def admin_url(site: AdminSite, model: type[Model], view: str, *args: object) -> str:
    opts = model._meta
    return reverse(f"{site.name}:{opts.app_label}_{opts.model_name}_{view}", args=args)


def in_language(url: str, language: str) -> str:
    return f"/{language}/" + url.split("/", 2)[2]


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("root", "root@example.kg", "root-password-1")


@pytest.mark.parametrize("who", ["superuser", "national"])
def test_the_admin_shows_every_table_with_nothing_to_edit_add_or_delete(
    client, network, superuser, who
):
    rows = one_of_each(network)
    client.force_login(superuser if who == "superuser" else network.users[Role.NATIONAL])
    for model in admin.site._registry:
        if model in EDITABLE:
            continue
        assert model in rows, f"add a row of {model.__name__} to one_of_each()"
        obj = rows[model]
        for language in LANGUAGES:
            for view, args in (("changelist", ()), ("change", (obj.pk,))):
                url = in_language(admin_url(admin.site, model, view, *args), language)
                response = client.get(url)
                assert response.status_code == 200, url
                page = controls(response.content.decode())
                assert page.editable == [], (url, page.editable)
                own = admin_url(admin.site, model, "changelist").split("/", 2)[2]
                writes = [
                    link
                    for link in page.links
                    if own in link and link.endswith(("/add/", "/delete/"))
                ]
                assert writes == [], (url, writes)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_admin_refuses_every_write_with_403(client, network, superuser, language):
    rows = one_of_each(network)
    for user in (superuser, network.users[Role.NATIONAL]):
        client.force_login(user)
        for model, obj in rows.items():
            if model in EDITABLE:
                continue
            for view, args in (("add", ()), ("change", (obj.pk,)), ("delete", (obj.pk,))):
                url = in_language(admin_url(admin.site, model, view, *args), language)
                response = client.post(url, {"post": "yes", "name": "x"})
                assert response.status_code == 403, url
            # Nor by a bulk action on the list.
            url = in_language(admin_url(admin.site, model, "changelist"), language)
            response = client.post(
                url, {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"}
            )
            assert response.status_code in (200, 302, 403), url
            assert type(obj).objects.filter(pk=obj.pk).exists(), url


def test_the_admin_opens_for_the_national_office_only(client, network):
    for role, user in network.users.items():
        client.force_login(user)
        response = client.get("/ru/admin/centers/center/")
        assert response.status_code == (200 if role == Role.NATIONAL else 302), role


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_national_office_still_sets_a_staff_members_password(client, network, language):
    manager = network.users[Role.CENTER]
    client.force_login(network.users[Role.NATIONAL])
    change = client.get(f"/{language}/admin/accounts/user/{manager.pk}/change/").content.decode()
    assert "../password/" in change
    url = f"/{language}/admin/accounts/user/{manager.pk}/password/"
    assert client.get(url).status_code == 200
    new = "Жаңы сырсөз 2026!"
    response = client.post(url, {"password1": new, "password2": new, "usable_password": "true"})
    assert response.status_code == 302
    manager.refresh_from_db()
    assert manager.check_password(new)


def test_other_roles_cannot_set_passwords(client, network):
    manager = network.users[Role.CENTER]
    client.force_login(network.users[Role.REGION])
    new = "Жаңы сырсөз 2026!"
    url = f"/en/admin/accounts/user/{manager.pk}/password/"
    client.post(url, {"password1": new, "password2": new, "usable_password": "true"})
    manager.refresh_from_db()
    assert not manager.check_password(new)


def test_role_assign_makes_a_national_administrator_staff_never_superuser(db):
    user = UserFactory()
    role_assign(user=user, role=Role.NATIONAL)
    user.refresh_from_db()
    assert user.is_staff
    assert not user.is_superuser


def test_no_user_of_the_network_is_a_superuser(network):
    for role, user in network.users.items():
        user.refresh_from_db()
        assert not user.is_superuser, role
        assert user.is_staff == (role == Role.NATIONAL), role
