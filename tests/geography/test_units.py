import pytest

from bilim.geography.models import District, Region
from bilim.geography.services import geography_sync


def test_all_regions_and_districts_are_loaded_with_three_languages(geography):
    assert Region.objects.count() == 9
    # 40 raions, 12 cities of oblast significance, 4 Bishkek districts, Osh city as a whole
    assert District.objects.filter(kind=District.Kind.RAION).count() == 40
    assert District.objects.count() == 57
    for unit in [*Region.objects.all(), *District.objects.all()]:
        assert unit.name_ky and unit.name_ru and unit.name_en, unit.code


def test_every_region_can_be_chosen_down_to_a_district(geography):
    for region in Region.objects.all():
        assert region.districts.exists(), region.name_en


def test_cities_of_oblast_significance_are_districts_of_their_region(geography):
    karakol = District.objects.get(name_en="Karakol")
    assert karakol.kind == District.Kind.CITY
    assert karakol.region.name_en.startswith("Issyk-Kul")


def test_kyrgyz_names_use_kyrgyz_letters(geography):
    assert Region.objects.get(code="41702000000000").name_ky == "Ысык-Көл облусу"
    assert District.objects.get(code="41702210000000").name_ky == "Жети-Өгүз району"


def test_uncertain_values_are_marked(geography):
    leninsky = District.objects.get(code="41711201000000")
    assert leninsky.population is None
    assert "uncertain" in leninsky.note


def test_sync_is_idempotent_and_restores_edited_names(geography):
    region = Region.objects.get(code="41704000000000")
    region.name_ru = "испорчено"
    region.save()
    geography_sync()
    geography_sync()
    assert Region.objects.count() == 9
    assert Region.objects.get(code="41704000000000").name_ru == "Нарынская область"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("ky", "Нарын облусу"), ("ru", "Нарынская область"), ("en", "Naryn Region")],
)
def test_region_name_follows_the_active_language(geography, lang, expected):
    from django.utils import translation

    with translation.override(lang):
        assert str(Region.objects.get(code="41704000000000")) == expected
