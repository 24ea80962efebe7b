"""The short link in SMS (/m/<code>) opens the person's page, on the site's real address."""

import re
from urllib.parse import urlsplit

import pytest

from bilim.notifications.models import Message
from bilim.registrations.models import Registration
from tests.registrations.factories import sign_up_form as _form

SITE_URL = "https://bilim.example.kg"


@pytest.fixture
def site(settings):
    settings.BILIM_SITE_URL = SITE_URL


def _sign_up(client, offering, lang, **changes):
    response = client.post(
        f"/{lang}/offerings/{offering.pk}/register/", _form(language=lang, **changes)
    )
    assert response.status_code == 302, response.content.decode()
    return Registration.objects.get(participant__language=lang)


def _sms(registration):
    return Message.objects.get(
        channel=Message.Channel.SMS,
        recipient=registration.participant.phone,
        kind="confirmation",
    )


@pytest.mark.parametrize("lang", ["ky", "ru", "en"])
def test_the_link_in_the_confirmation_sms_opens_the_persons_page(client, offering, site, lang):
    registration = _sign_up(client, offering, lang)
    [link] = re.findall(r"https?://\S+", _sms(registration).body)
    assert link == f"{SITE_URL}/m/{registration.link_code}"  # the configured address
    response = client.get(urlsplit(link).path)
    assert response.status_code == 302
    assert response["Location"] == f"/{lang}/my/{registration.token}/"
    assert "no-store" in response["Cache-Control"]
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Бакыт Жумабеков" in page.content.decode()


def test_a_short_link_typed_by_hand_in_capitals_or_with_o_for_zero_still_opens(
    client,
    offering,
):
    registration = _sign_up(client, offering, "ru")
    Registration.objects.filter(pk=registration.pk).update(link_code="0a1b2c3d")
    response = client.get("/m/OA1B2C3D")
    assert response["Location"] == f"/ru/my/{registration.token}/"
    assert client.get("/m/oaLb2c3d")["Location"] == f"/ru/my/{registration.token}/"


def test_an_unknown_short_link_is_not_found(client, db):
    assert client.get("/m/zzzzzzzz").status_code == 404


def test_guessing_short_links_is_stopped_for_the_connection(client, offering, settings):
    settings.SHORT_LINK_MISS_RATE = "3/h"
    registration = _sign_up(client, offering, "ky")
    for guess in ("aaaaaaaa", "bbbbbbbb", "cccccccc"):
        assert client.get(f"/m/{guess}").status_code == 404
    # Even a right code is refused now: a walker learns nothing from a hit.
    refused = client.get(f"/m/{registration.link_code}")
    assert refused.status_code == 429
    assert registration.token not in refused.content.decode()
    # Another connection is not affected.
    other = client.get(f"/m/{registration.link_code}", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_short_link_codes_use_no_look_alike_letters():
    from bilim.registrations.models import LINK_ALPHABET, new_link_code

    assert not set("ilou") & set(LINK_ALPHABET)
    codes = {new_link_code() for _ in range(200)}
    assert len(codes) == 200
    assert all(len(c) == 8 and set(c) <= set(LINK_ALPHABET) for c in codes)
