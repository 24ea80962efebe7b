"""A refusal of the help-desk service shows beside the field it names, in the page's language."""

import pytest
from django.utils import translation

from bilim.accounts.models import Role
from bilim.helpdesk.errors import NEEDS_AGENCY
from bilim.helpdesk.models import Consultation


@pytest.mark.parametrize("language", ["ky", "ru", "en"])
def test_a_referral_without_agency_is_told_beside_the_agency_field(
    client, network, category, language
):
    client.force_login(network.users[Role.CENTER])
    data = {
        "category": category.pk,
        "outcome": "referred",
        "duration": "other",
        "other_minutes": "25",
        "channel": "walk_in",
    }
    response = client.post(f"/{language}/staff/helpdesk/", data)
    assert response.status_code == 200
    with translation.override(language):
        message = str(NEEDS_AGENCY)
    assert response.context["form"].errors["referred_to"] == [message]
    html = response.content.decode()
    beside = html.split('id="id_referred_to_error"', 1)[1].split("</", 1)[0]
    assert message in beside
    assert 'value="25"' in html  # what was typed stays
    assert not Consultation.objects.exists()
