"""Public forms after the submission limit: the form again, what was typed, the limit (429)."""

import pytest

from bilim.registrations.models import Registration

FULL = {
    "name": "Бакыт Жумабеков",
    "phone": "0700 123 456",
    "sex": "male",
    "language": "ky",
    "consent": "on",
    "request_id": "first",
}


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize(
    "data", [{}, {"name": "Айжан Садыкова"}, {"phone": "0555"}], ids=["empty", "name", "phone"]
)
def test_sign_up_after_the_limit_answers_with_the_form_and_the_limit(
    client, offering, settings, lang, data
):
    settings.SIGN_UP_RATE = "1/h"
    url = f"/{lang}/offerings/{offering.pk}/register/"
    assert client.post(url, FULL).status_code == 302
    response = client.post(url, data)
    page = response.content.decode()
    assert response.status_code == 429
    assert 'class="error-summary"' in page or "error-summary" in page
    assert "form" in page and 'name="name"' in page
    for value in data.values():
        assert f'value="{value}"' in page
    assert Registration.objects.count() == 1


@pytest.mark.parametrize("lang", ["ky", "ru"])
@pytest.mark.parametrize(
    "data", [{}, {"phone": "0555"}, {"phone": ""}], ids=["empty", "partial", "blank"]
)
def test_my_registrations_phone_form_after_the_limit_answers_with_the_form(
    client, db, settings, lang, data
):
    settings.ONE_TIME_CODE_IP_RATE = "1/h"
    client.post(f"/{lang}/my/", {"phone": "0555 123 456"})
    response = client.post(f"/{lang}/my/", data)
    page = response.content.decode()
    assert response.status_code == 429
    assert 'name="phone"' in page
    for value in data.values():
        if value:
            assert f'value="{value}"' in page
