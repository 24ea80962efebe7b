"""The operator console: find a group, register a caller, find a person, cancel or move."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from bilim.accounts.models import Role
from bilim.registrations.models import Participant, Registration
from tests.registrations.factories import UpcomingOfferingFactory, register

Status = Registration.Status
ALLOWED = {Role.NATIONAL, Role.OPERATOR, Role.CENTER}


def _offering(center, program, *, days: int = 7, capacity: int = 10, **fields):
    return UpcomingOfferingFactory.create(
        center=center, program=program, days=days, capacity=capacity, **fields
    )


def _register(offering, n: int = 1, **changes) -> Registration:
    """Register Бүбүсара, born 1954 (the n-th of her name), as she would on the web."""
    person = {
        "name": f"Бүбүсара Токтосунова {n}",
        "phone": f"+996555{n:06d}",
        "sex": "female",
        "birth_year": 1954,
    }
    return register(offering, **(person | changes))


def _form(**changes):
    data = {
        "name": "Токтогул Сатылганов",
        "phone": "0770 12 34 56",
        "birth_year": "1955",
        "sex": "male",
        "language": "ky",
        "channel": "phone",
        "consent": "on",
        "request_id": "call-1",
    }
    data.update(changes)
    return data


@pytest.fixture
def groups(network):
    """A group in region A (the center manager's center) and one in region B, same program."""
    program = network.own_program
    return (
        _offering(network.center_a1, program, days=3),
        _offering(network.center_b1, program, days=10),
    )


@pytest.mark.parametrize("role", list(Role))
def test_only_operators_center_managers_and_the_national_office_open_the_console(
    client, network, role
):
    client.force_login(network.users[role])
    for name in ("operator:offering-find", "operator:person-find"):
        expected = 200 if role in ALLOWED else 403
        assert client.get(reverse(name)).status_code == expected, name


def test_a_visitor_is_sent_to_sign_in(client, db):
    response = client.get("/ky/staff/operator/")
    assert response.status_code == 302
    assert "/staff/sign-in/" in response["Location"]


def test_finder_filters_by_district_and_dates_in_the_operators_language(
    client, network, groups, django_assert_max_num_queries
):
    near, far = groups
    client.force_login(network.users[Role.OPERATOR])
    day = timezone.localdate(near.first_starts_at)
    query = {
        "district": near.center.district_id,
        "date_from": day.isoformat(),
        "date_to": day.isoformat(),
    }
    # Session, user, scope, districts, programs, count, rows: whatever the number of rows.
    with django_assert_max_num_queries(7):
        page = client.get("/ru/staff/operator/", query).content.decode()
    assert near.program.title_ru in page
    assert near.center.name_ru in page
    assert reverse("operator:register", args=[near.pk]) in page
    assert reverse("operator:register", args=[far.pk]) not in page
    # The district list is grouped by region.
    assert f'<optgroup label="{network.region_a.name_ru}">' in page


def test_finder_shows_free_places_and_waitlist_and_can_hide_full_groups(client, network):
    full = _offering(network.center_a1, network.own_program, capacity=1)
    _register(full, 1)
    _register(full, 2)
    client.force_login(network.users[Role.OPERATOR])
    page = client.get("/en/staff/operator/").content.decode()
    assert "Full" in page
    assert "1 waiting" in page
    page = client.get("/en/staff/operator/", {"free": "on"}).content.decode()
    assert reverse("operator:register", args=[full.pk]) not in page


def test_finder_leaves_out_groups_whose_registration_is_closed(client, network):
    closed = _offering(
        network.center_a1,
        network.own_program,
        registration_closes=timezone.now() - datetime.timedelta(hours=1),
    )
    client.force_login(network.users[Role.OPERATOR])
    page = client.get("/en/staff/operator/").content.decode()
    assert reverse("operator:register", args=[closed.pk]) not in page


def test_a_center_manager_finds_and_registers_only_for_their_center(client, network, groups):
    own, other = groups
    client.force_login(network.users[Role.CENTER])
    page = client.get("/en/staff/operator/").content.decode()
    assert reverse("operator:register", args=[own.pk]) in page
    assert reverse("operator:register", args=[other.pk]) not in page
    assert client.get(reverse("operator:register", args=[other.pk])).status_code == 404
    response = client.post(reverse("operator:register", args=[other.pk]), _form())
    assert response.status_code == 404
    assert not Registration.objects.exists()


def test_registering_by_phone_records_the_operator_and_shows_what_to_read_out(
    client, network, groups
):
    offering = groups[1]
    operator = network.users[Role.OPERATOR]
    client.force_login(operator)
    url = f"/ru/staff/operator/offerings/{offering.pk}/register/"
    assert client.get(url).status_code == 200

    response = client.post(url, _form())

    registration = Registration.objects.get()
    assert response["Location"] == f"/ru/staff/operator/registrations/{registration.pk}/"
    assert registration.channel == Registration.Channel.PHONE
    assert registration.entered_by == operator
    assert registration.status == Status.CONFIRMED
    assert registration.participant.phone == "+996770123456"
    assert registration.age_band == "65_plus"
    page = client.get(response["Location"]).content.decode()
    code = registration.short_code
    assert f"{code[:4]} {code[4:]}" in page
    assert f"/my/{registration.token}/" in page
    assert reverse("operator:register", args=[offering.pk]) in page
    assert reverse("operator:person-detail", args=[registration.participant_id]) in page


def test_a_caller_registered_by_phone_changes_no_stored_details_and_consents_in_the_page_language(
    client, network, groups
):
    """The operator cannot prove who is calling: the answers go to the registration only."""
    earlier = _register(groups[0], 1, email="bubusara@example.kg")
    client.force_login(network.users[Role.OPERATOR])
    client.post(
        f"/ru/staff/operator/offerings/{groups[1].pk}/register/",
        _form(
            name="бүбүсара токтосунова 1",
            phone="0555 000 001",
            sex="male",
            email="other@example.com",
            language="en",
        ),
    )
    participant = Participant.objects.get()
    assert (participant.name, participant.sex, participant.email, participant.language) == (
        "Бүбүсара Токтосунова 1",
        "female",
        "bubusara@example.kg",
        "ky",
    )
    new = Registration.objects.exclude(pk=earlier.pk).get()
    assert new.sex == "male"
    assert new.participant.consents.latest("pk").language == "ru"


def test_a_walk_in_is_recorded_as_such(client, network, groups):
    client.force_login(network.users[Role.CENTER])
    client.post(reverse("operator:register", args=[groups[0].pk]), _form(channel="walk_in"))
    registration = Registration.objects.get()
    assert registration.channel == Registration.Channel.WALK_IN
    assert registration.entered_by == network.users[Role.CENTER]


def test_without_the_read_out_consent_nothing_is_registered_and_nothing_typed_is_lost(
    client, network, groups
):
    client.force_login(network.users[Role.OPERATOR])
    response = client.post(
        f"/ru/staff/operator/offerings/{groups[0].pk}/register/", _form(consent="")
    )
    page = response.content.decode()
    assert response.status_code == 400
    with translation.override("ru"):
        assert translation.gettext("There is a problem") in page
    assert 'value="Токтогул Сатылганов"' in page
    assert 'value="0770 12 34 56"' in page
    assert not Registration.objects.exists()


def test_the_same_form_sent_twice_registers_once(client, network, groups):
    client.force_login(network.users[Role.OPERATOR])
    url = reverse("operator:register", args=[groups[0].pk])
    first = client.post(url, _form())
    second = client.post(url, _form())
    assert Registration.objects.count() == 1
    assert second["Location"] == f"{first['Location']}?existing=1"


def test_a_full_group_tells_the_waitlist_position(client, network):
    offering = _offering(network.center_a1, network.own_program, capacity=1)
    _register(offering, 1)
    client.force_login(network.users[Role.OPERATOR])
    response = client.post(f"/en/staff/operator/offerings/{offering.pk}/register/", _form())
    page = client.get(response["Location"]).content.decode()
    assert "On the waitlist: number 1" in page


@pytest.mark.parametrize(
    "typed", ["0555 000 001", "+996 555 000001", "000001", "0555 0000", "бүбүсара токтосунова"]
)
def test_a_person_is_found_by_phone_in_any_form_or_by_name(client, network, groups, typed):
    registration = _register(groups[0], 1)
    _register(groups[0], 2, name="Айбек Осмонов", phone="+996777123456")
    client.force_login(network.users[Role.OPERATOR])
    page = client.get("/en/staff/operator/people/", {"q": typed}).content.decode()
    assert "Бүбүсара Токтосунова 1" in page
    assert reverse("operator:registration-cancel", args=[registration.pk]) in page
    assert "Айбек Осмонов" not in page


def test_a_person_page_lists_every_registration_with_channel_and_who_entered_it(
    client, network, groups
):
    operator = network.users[Role.OPERATOR]
    client.force_login(operator)
    client.post(reverse("operator:register", args=[groups[0].pk]), _form())
    client.post(reverse("operator:register", args=[groups[1].pk]), _form(request_id="call-2"))
    first = Registration.objects.first()
    assert first is not None
    person = first.participant
    page = client.get(f"/en/staff/operator/people/{person.pk}/").content.decode()
    assert page.count("Phone call") == 2
    assert page.count(operator.get_full_name()) == 2
    assert groups[0].center.name_en in page and groups[1].center.name_en in page


def test_a_center_manager_sees_only_registrations_for_their_center(client, network, groups):
    own, other = groups
    _register(own, 1)
    elsewhere = _register(other, 1)
    _register(other, 2)
    client.force_login(network.users[Role.CENTER])
    page = client.get("/en/staff/operator/people/", {"q": "Бүбүсара"}).content.decode()
    assert "Бүбүсара Токтосунова 1" in page
    assert "Бүбүсара Токтосунова 2" not in page
    assert reverse("operator:registration-cancel", args=[elsewhere.pk]) not in page
    cancel = reverse("operator:registration-cancel", args=[elsewhere.pk])
    assert client.post(cancel).status_code == 404
    elsewhere.refresh_from_db()
    assert elsewhere.status == Status.CONFIRMED


def test_cancel_asks_first_then_gives_the_place_to_the_first_waiting(client, network):
    offering = _offering(network.center_a1, network.own_program, capacity=1)
    holder = _register(offering, 1)
    waiting = _register(offering, 2)
    client.force_login(network.users[Role.OPERATOR])
    url = reverse("operator:registration-cancel", args=[holder.pk])

    assert client.get(url).status_code == 200
    holder.refresh_from_db()
    assert holder.status == Status.CONFIRMED  # looking at the question changes nothing

    response = client.post(url)
    assert response["Location"] == reverse("operator:person-detail", args=[holder.participant_id])
    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert holder.status == Status.CANCELLED
    assert waiting.status == Status.OFFERED


def test_move_offers_the_programs_other_open_groups_soonest_first_and_moves(client, network):
    program = network.own_program
    current = _offering(network.center_a1, program, days=2)
    later = _offering(network.center_b1, program, days=20)
    sooner = _offering(network.center_b2, program, days=5)
    other_program = _offering(network.center_a2, network.co_program, days=4)
    registration = _register(current, 1)
    operator = network.users[Role.OPERATOR]
    client.force_login(operator)
    url = f"/en/staff/operator/registrations/{registration.pk}/move/"

    page = client.get(url).content.decode()
    assert f'value="{sooner.pk}"' in page and f'value="{later.pk}"' in page
    assert page.index(f'value="{sooner.pk}"') < page.index(f'value="{later.pk}"')
    assert f'value="{current.pk}"' not in page
    assert f'value="{other_program.pk}"' not in page

    response = client.post(url, {"to_offering": sooner.pk})

    assert response["Location"] == f"/en/staff/operator/people/{registration.participant_id}/"
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    moved = Registration.objects.get(offering=sooner)
    assert (moved.status, moved.channel, moved.entered_by) == (
        Status.CONFIRMED,
        Registration.Channel.PHONE,
        operator,
    )
    page = client.get(response["Location"]).content.decode()
    assert "moved and has a place in the new group" in page


def test_move_without_a_choice_explains_the_mistake(client, network, groups):
    registration = _register(groups[0], 1)
    client.force_login(network.users[Role.OPERATOR])
    response = client.post(f"/en/staff/operator/registrations/{registration.pk}/move/", {})
    assert response.status_code == 400
    assert "Choose the group to move the person to." in response.content.decode()


def test_person_search_answers_in_few_queries_however_many_registrations(
    client, network, django_assert_max_num_queries
):
    for days in range(1, 6):
        _register(_offering(network.center_a1, network.own_program, days=days), 1)
    client.force_login(network.users[Role.OPERATOR])
    # Session, user, scope, people, their registrations: not one query per registration.
    with django_assert_max_num_queries(5):
        page = client.get("/en/staff/operator/people/", {"q": "0555000001"}).content.decode()
    assert page.count("Move<span") == 5


def test_staff_home_leads_operators_to_the_console(client, network):
    client.force_login(network.users[Role.OPERATOR])
    page = client.get("/en/staff/").content.decode()
    assert reverse("operator:offering-find") in page
    client.force_login(network.users[Role.ANALYST])
    assert reverse("operator:offering-find") not in client.get("/en/staff/").content.decode()
