"""Property-based fuzzing of the whole API from its own OpenAPI schema: no 5xx, ever."""

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from tests.factories import CenterFactory, ProgramFactory

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())


@pytest.fixture
def data(geography):
    CenterFactory.create_batch(2)
    ProgramFactory.create_batch(2)
    # As Django's own test client does: a finished request must not close the
    # connection that holds the test transaction.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_api_never_answers_with_a_server_error(case, data):
    response = case.call()
    case.validate_response(response, checks=(schemathesis.checks.not_a_server_error,))
