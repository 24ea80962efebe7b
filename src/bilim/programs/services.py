"""Writes to the program catalog."""

from collections.abc import Iterable
from decimal import Decimal

from django.db import transaction

from bilim.partners.models import Direction, Partner

from .models import Audience, Program, Theme

LANGS = ("ky", "ru", "en")


def _translated(field: str, values: dict[str, str]) -> dict[str, str]:
    return {field: values["ky"], **{f"{field}_{lang}": values[lang] for lang in LANGS}}


@transaction.atomic
def theme_upsert(*, code: str, names: dict[str, str]) -> Theme:
    """Create or update a theme by code."""
    theme, _ = Theme.objects.update_or_create(code=code, defaults=_translated("name", names))
    return theme


@transaction.atomic
def program_upsert(
    *,
    code: str,
    direction: str,
    activity_type: str,
    titles: dict[str, str],
    summaries: dict[str, str],
    descriptions: dict[str, str],
    session_count: int,
    hours: Decimal,
    languages: list[str],
    themes: Iterable[str] = (),
    audiences: Iterable[str] = (),
    lead_partner: str | None = None,
    partners: Iterable[str] = (),
    certificate_min_attendance: int | None = None,
    min_age: int | None = None,
    status: str = Program.Status.DRAFT,
) -> Program:
    """Create a program, or update the one with this code, with its links."""
    program, _ = Program.objects.update_or_create(
        code=code,
        defaults={
            "direction": Direction.objects.get(code=direction),
            "activity_type": activity_type,
            **_translated("title", titles),
            **_translated("summary", summaries),
            **_translated("description", descriptions),
            "session_count": session_count,
            "hours": hours,
            "languages": languages,
            "lead_partner": Partner.objects.get(slug=lead_partner) if lead_partner else None,
            "certificate_min_attendance": certificate_min_attendance,
            "min_age": min_age,
            "status": status,
        },
    )
    program.full_clean()
    program.themes.set(Theme.objects.filter(code__in=list(themes)))
    program.audiences.set(Audience.objects.filter(code__in=list(audiences)))
    program.partners.set(Partner.objects.filter(slug__in=list(partners)))
    return program
