"""The demo guides: complete in three languages, published, loaded once."""

import re

from bilim.demo.guides import GUIDES, load_demo_guides
from bilim.guides.models import Guide
from bilim.guides.selectors import stale_before
from bilim.guides.services import guide_update
from bilim.guides.text import blocks
from tests.guides.conftest import fields

KYRGYZ_LETTERS = re.compile("[ңөү]")


def test_demo_guides_are_published_and_complete_in_three_languages(db):
    load_demo_guides()
    guides = list(Guide.objects.all())
    assert 6 <= len(guides) == len(GUIDES) <= 8
    for guide in guides:
        assert guide.published
        assert all(guide.complete_in(lang) for lang in ("ky", "ru", "en")), guide.slug
        assert KYRGYZ_LETTERS.search(guide.body_ky + guide.summary_ky), guide.slug
        assert not guide.official_url or guide.official_url.startswith("https://")
    assert [g.slug for g in guides if g.checked_on < stale_before()] == ["travel-passport-exchange"]


def test_loading_twice_adds_nothing_and_keeps_the_offices_edits(db):
    load_demo_guides()
    guide = Guide.objects.get(slug="cloud-e-signature")
    guide_update(guide=guide, fields=fields(), user=None)
    load_demo_guides()
    assert Guide.objects.count() == len(GUIDES)
    assert Guide.objects.get(slug="cloud-e-signature").title_en == "Get a cloud signature"


def test_each_demo_guide_has_the_same_steps_in_every_language():
    for demo in GUIDES:
        counts = {
            lang: [len(b.items) for b in blocks(body) if b.kind == "steps"]
            for lang, body in demo.bodies.items()
        }
        assert counts["ky"], demo.slug
        assert counts["ky"] == counts["ru"] == counts["en"], demo.slug
