"""Every API error answers {code, message, field}, the message in the request's language."""

import json

import pytest
from django.http import Http404, HttpRequest
from django.test import RequestFactory
from django.urls import path
from django.utils import translation
from ninja import NinjaAPI

from bilim.api.api import api as bilim_api
from bilim.api.errors import install_error_handlers
from bilim.programs.errors import CODE_TAKEN, ProgramsError
from bilim.registrations.errors import REGISTRATION_CLOSED, RegistrationError

# A small API with the same handlers as /api/v1/: the public API has no endpoint yet that
# refuses a request (it only reads), and the offline sync will add the first ones.
api = NinjaAPI(urls_namespace="api-errors-test")
install_error_handlers(api)


@api.post("/registrations")
def create_registration(request: HttpRequest, age: int) -> dict[str, str]:
    raise RegistrationError(REGISTRATION_CLOSED)


@api.post("/programs")
def create_program(request: HttpRequest) -> dict[str, str]:
    raise ProgramsError(CODE_TAKEN, field="code")


@api.get("/programs/{code}")
def get_program(request: HttpRequest, code: str) -> dict[str, str]:
    raise Http404


urlpatterns = [path("api/test/", api.urls)]

pytestmark = pytest.mark.urls(__name__)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("ru", "Запись в эту группу закрыта."),
        ("ky", "Бул топко каттоо жабылды."),
        ("en", "Registration for this group is closed."),
    ],
)
def test_a_refused_request_answers_its_code_in_the_requested_language(client, language, message):
    response = client.post("/api/test/registrations?age=30", headers={"accept-language": language})
    assert response.status_code == 400
    assert response.json() == {"code": "registration_closed", "message": message, "field": None}


def test_a_refusal_about_one_field_names_it(client):
    response = client.post("/api/test/programs", headers={"accept-language": "ru"})
    assert response.status_code == 400
    assert response.json() == {
        "code": "code_taken",
        "message": "Этот короткий код уже есть у другой программы.",
        "field": "code",
    }


@pytest.mark.parametrize("language", ["ru", "ky"])
def test_input_that_does_not_fit_answers_invalid_with_the_field(client, language):
    response = client.post("/api/test/registrations?age=old", headers={"accept-language": language})
    assert response.status_code == 422
    body = response.json()
    assert (body["code"], body["field"]) == ("invalid", "age")
    with translation.override(language):
        assert body["message"] == translation.gettext(
            "This value is not right: check it and send again."
        )


def test_something_missing_answers_not_found(client):
    response = client.get("/api/test/programs/nope", headers={"accept-language": "en"})
    assert response.status_code == 404
    assert response.json() == {
        "code": "not_found",
        "message": "Nothing was found at this address.",
        "field": None,
    }


def test_the_public_api_has_the_same_handlers():
    request = RequestFactory().get("/api/v1/programs")
    with translation.override("ru"):
        error = RegistrationError(REGISTRATION_CLOSED)
    response = bilim_api.on_exception(request, error)
    assert response.status_code == 400
    assert json.loads(response.content) == {
        "code": "registration_closed",
        "message": "Запись в эту группу закрыта.",
        "field": None,
    }
