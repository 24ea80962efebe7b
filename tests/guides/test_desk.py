"""The guides beside the help desk's consultation form."""

import re

import pytest

from bilim.accounts.models import Role
from tests.guides.conftest import category, make_guide

DESK = "/en/staff/helpdesk/"
FRAGMENT = "/en/staff/guides/for-service/"


@pytest.fixture
def guides(db):
    make_guide(slug="sign")
    make_guide(
        slug="pension",
        category=category("social-fund"),
        titles={"ky": "Пенсия", "ru": "Пенсия", "en": "Pension online"},
    )
    make_guide(slug="draft", titles={"ky": "Д", "ru": "Ч", "en": "Unfinished"}, published=False)


def test_the_form_lists_every_services_guides_without_javascript(client, network, guides):
    client.force_login(network.users[Role.CENTER])
    html = client.get(DESK).content.decode()
    start = html.index('id="desk-guides"')
    details = html[start : html.index("</details>", start)]
    assert "Guides for every service (2)" in details
    with_link = re.search(
        r'<a href="/en/guides/sign/" target="_blank" rel="noopener"><span lang="en">Get a cloud '
        r'signature</span><span class="visually-hidden"> \(opens in a new tab\)</span></a>',
        details,
    )
    assert with_link
    assert "Pension online" in details and "Unfinished" not in details
    # htmx swaps the list when the service changes.
    assert f'hx-get="{FRAGMENT}"' in details
    assert "vendor/htmx/htmx.min.js" in html


def test_after_an_error_the_chosen_services_guides_are_listed(client, network, guides):
    client.force_login(network.users[Role.CENTER])
    response = client.post(
        DESK, {"category": category("social-fund").pk, "outcome": "referred", "duration": "10"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('id="desk-guides"')
    details = html[start : html.index("</details>", start)]
    assert "Guides for this service (1)" in details
    assert "Pension online" in details and "Get a cloud signature" not in details


def test_the_fragment_lists_one_services_guides_and_updates_the_summary(client, network, guides):
    client.force_login(network.users[Role.CENTER])
    html = client.get(
        FRAGMENT, {"category": category().pk}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "<html" not in html
    assert "Get a cloud signature" in html and "Pension online" not in html
    assert re.search(
        r'<span id="desk-guides-summary" hx-swap-oob="true">Guides for this service \(1\)', html
    )


def test_a_service_without_guides_says_so(client, network, guides):
    client.force_login(network.users[Role.CENTER])
    html = client.get(FRAGMENT, {"category": category("tax").pk}).content.decode()
    assert "No guide for this service yet." in html


@pytest.mark.parametrize("value", ["", "abc", "999999", "-1"])
def test_a_bad_service_lists_every_guide(client, network, guides, value):
    client.force_login(network.users[Role.CENTER])
    response = client.get(FRAGMENT, {"category": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Get a cloud signature" in html and "Pension online" in html
