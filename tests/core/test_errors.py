"""One error base: every domain error carries a stable code, an optional field, a message."""

import importlib
import inspect
import pickle
import pkgutil
import re

import pytest
from django.utils import translation

import bilim
from bilim.core.errors import BilimError, ErrorMessage
from bilim.guides.errors import SLUG_TAKEN, GuidesError
from bilim.programs.errors import CODE_TAKEN, ProgramsError
from bilim.registrations.errors import TOO_YOUNG, RegistrationError

# Failures of the SMS gateway: never shown to a person, retried by the outbox.
NOT_DOMAIN_ERRORS = {"bilim.notifications.sms"}
SKIPPED = (".migrations", "bilim.settings", "bilim.wsgi")


def _modules():
    for info in pkgutil.walk_packages(bilim.__path__, "bilim."):
        if not any(part in info.name for part in SKIPPED):
            yield importlib.import_module(info.name)


def _own_exceptions():
    for module in _modules():
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, Exception) and cls.__module__ == module.__name__:
                yield cls


def _messages():
    for module in _modules():
        for name, value in vars(module).items():
            if isinstance(value, ErrorMessage):
                yield f"{module.__name__}.{name}", value


def test_every_error_of_the_apps_derives_from_the_one_base():
    errors = [cls for cls in _own_exceptions() if cls.__module__ not in NOT_DOMAIN_ERRORS]
    assert len(errors) >= 12
    assert [cls for cls in errors if not issubclass(cls, BilimError)] == []


def test_each_app_keeps_one_error_class_and_its_coded_messages():
    apps = {m.name for m in pkgutil.iter_modules(bilim.__path__)}
    found = 0
    for app in sorted(apps):
        try:
            module = importlib.import_module(f"bilim.{app}.errors")
        except ModuleNotFoundError:
            continue
        if app in {"core", "api"}:  # the base itself, and the API's answers to errors
            continue
        found += 1
        classes = [
            c
            for c in vars(module).values()
            if inspect.isclass(c) and issubclass(c, BilimError) and c.__module__ == module.__name__
        ]
        assert len(classes) == 1, app
        assert any(isinstance(v, ErrorMessage) for v in vars(module).values()), app
    assert found == 10


def test_every_message_has_a_short_snake_case_code_meaning_one_sentence():
    by_code: dict[str, set[str]] = {}
    messages = list(_messages())
    assert len(messages) > 100
    with translation.override("en"):
        for where, message in messages:
            assert re.fullmatch(r"[a-z][a-z0-9_]{2,40}", message.code), where
            by_code.setdefault(message.code, set()).add(str(message))
    # The same code twice only where it is the very same sentence ("inactive_category").
    assert {code: texts for code, texts in by_code.items() if len(texts) > 1} == {}


def test_the_message_is_in_the_language_of_the_request_that_raised_it():
    # TOO_YOUNG was built at import time; it reads in the language active when raised.
    with translation.override("ru"):
        error = RegistrationError(TOO_YOUNG, params={"age": 16})
    assert error.code == "too_young"
    assert error.field is None
    assert error.message == str(error) == "Эта программа для людей от 16 лет."
    with translation.override("ky"):
        taken = ProgramsError(CODE_TAKEN, field="code")
    assert taken.as_dict() == {
        "code": "code_taken",
        "message": "Бул кыска код башка программада бар.",
        "field": "code",
    }


def test_a_plain_text_needs_a_code():
    with pytest.raises(ValueError, match="needs a code"):
        BilimError("Something went wrong.")
    assert BilimError("Something went wrong.", code="odd").code == "odd"


def test_an_error_keeps_its_code_and_field_when_passed_to_another_process():
    with translation.override("ru"):
        error = GuidesError(SLUG_TAKEN, field="slug", missing=("title_ky",))
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 (our own bytes)
    assert type(again) is GuidesError
    assert (again.code, again.field, again.missing) == ("slug_taken", "slug", ("title_ky",))
    assert str(again) == error.message
