"""Writes of the guides: publish rules, addresses, checks, unpublishing."""

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from bilim.guides.errors import GuidesError
from bilim.guides.models import Guide
from bilim.guides.services import guide_ensure, guide_unpublish, guide_update
from tests.factories import UserFactory
from tests.guides.conftest import category, fields, make_guide

EMPTY = {"ky": "", "ru": "", "en": ""}


def test_a_complete_guide_is_published_with_its_author():
    user = UserFactory(username="office")
    guide = make_guide(user=user)
    assert guide.published
    assert guide.updated_by == user
    assert guide.title_ky == "Булуттагы кол тамга алуу"


def test_a_draft_may_be_unfinished():
    guide = make_guide(
        titles={"ky": "", "ru": "Черновик", "en": ""},
        summaries=EMPTY,
        bodies=EMPTY,
        documents={},
        published=False,
    )
    assert not guide.published
    assert guide.slug == "chernovik"


@pytest.mark.parametrize(
    ("missing", "expected"),
    [
        ({"bodies": {"ky": "", "ru": "1. Шаг", "en": ""}}, ("body_ky",)),
        (
            {
                "titles": {"ky": "Аталыш", "ru": "", "en": "Title"},
                "summaries": {"ky": "Кыскача", "ru": " ", "en": ""},
                "bodies": {"ky": "1. Кадам", "ru": "", "en": "1. Step"},
            },
            ("title_ru", "summary_ru", "body_ru"),
        ),
    ],
)
def test_publishing_needs_kyrgyz_and_russian_texts(missing, expected):
    with pytest.raises(GuidesError) as refused:
        make_guide(**missing)
    assert refused.value.missing == expected
    assert not Guide.objects.exists()


def test_english_is_optional_and_english_readers_get_the_kyrgyz_text():
    guide = make_guide(
        titles={"ky": "Кол тамга", "ru": "Подпись", "en": ""},
        bodies={"ky": "1. Келиңиз.", "ru": "1. Приходите.", "en": ""},
        summaries={"ky": "Акысыз.", "ru": "Бесплатно.", "en": ""},
    )
    assert guide.published
    with translation.override("en"):
        assert guide.title == "Кол тамга"
        assert guide.shown_language("body") == "ky"
    with translation.override("ru"):
        assert guide.shown_language("body") == "ru"


def test_the_database_refuses_a_published_guide_without_russian():
    guide = make_guide(published=False, bodies={"ky": "1. Кадам", "ru": "", "en": ""})
    with pytest.raises(IntegrityError), transaction.atomic():
        Guide.objects.filter(pk=guide.pk).update(published=True)


def test_the_address_comes_from_the_kyrgyz_title_and_stays_unique():
    first = make_guide()
    second = make_guide()
    assert first.slug == "buluttagy-kol-tamga-aluu"
    assert second.slug == "buluttagy-kol-tamga-aluu-2"


@pytest.mark.parametrize("slug", ["new", "Кол тамга", "taken"])
def test_a_reserved_taken_or_invalid_address_is_refused(slug):
    make_guide(slug="taken")
    with pytest.raises(GuidesError) as refused:
        make_guide(slug=slug)
    assert refused.value.field == "slug"
    assert Guide.objects.count() == 1


def test_a_check_date_in_the_future_is_refused():
    with pytest.raises(GuidesError) as refused:
        make_guide(checked_on=timezone.localdate() + datetime.timedelta(days=1))
    assert refused.value.field == "checked_on"


def test_a_guide_needs_a_title_in_some_language():
    with pytest.raises(GuidesError):
        make_guide(titles=EMPTY, published=False)


def test_a_retired_service_cannot_get_new_guides_but_old_ones_stay_editable():
    guide = make_guide(category=category("tax"))
    tax = category("tax")
    tax.active = False
    tax.save()
    with pytest.raises(GuidesError):
        make_guide(category=tax)
    updated = guide_update(guide=guide, fields=fields(category=tax, official_url=""), user=None)
    assert updated.official_url == ""


def test_an_update_keeps_the_address_and_records_who_changed_it():
    guide = make_guide(slug="e-sign")
    editor = UserFactory(username="editor")
    changed = fields(titles={"ky": "Жаңы аталыш", "ru": "Новое название", "en": ""})
    updated = guide_update(guide=guide, fields=changed, user=editor)
    assert (updated.slug, updated.title_ru, updated.updated_by) == (
        "e-sign",
        "Новое название",
        editor,
    )


def test_publishing_an_incomplete_draft_on_update_is_refused():
    guide = make_guide(published=False, summaries={"ky": "", "ru": "", "en": ""})
    with pytest.raises(GuidesError) as refused:
        guide_update(guide=guide, fields=fields(summaries=EMPTY), user=None)
    assert refused.value.missing == ("summary_ky", "summary_ru")
    guide.refresh_from_db()
    assert not guide.published


def test_unpublishing_makes_a_draft_and_is_harmless_twice():
    guide = make_guide()
    editor = UserFactory(username="editor")
    guide_unpublish(guide=guide, user=editor)
    guide_unpublish(guide=guide, user=editor)
    guide.refresh_from_db()
    assert not guide.published
    assert guide.updated_by == editor


def test_ensure_creates_once_and_keeps_what_the_office_edited():
    first = guide_ensure(slug="demo", fields=fields())
    guide_update(guide=first, fields=fields(official_url="https://portal.tunduk.kg/"), user=None)
    again = guide_ensure(slug="demo", fields=fields())
    assert again.pk == first.pk
    assert again.official_url == "https://portal.tunduk.kg/"
    assert Guide.objects.count() == 1
