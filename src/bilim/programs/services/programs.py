"""Writes to the program catalog: programs, their statuses, themes and audiences."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import Model

from bilim.partners.models import Direction, Partner
from bilim.partners.services.partners import LANGS, set_translated
from bilim.web.slugs import free_slug

from ..errors import (
    AUDIENCE_EXISTS,
    CODE_RESERVED,
    CODE_TAKEN,
    NOT_ALLOWED_TRANSITION,
    ProgramsError,
)
from ..models import Audience, Program, Theme

Status = Program.Status

# Words the staff addresses use next to a program's code: /staff/programs/new/ ...
RESERVED_CODES = frozenset({"new", "propose", "proposals", "audiences", "offerings"})
CODE_BASE_LENGTH = 32

# Where the national office may move a program; proposals move by approve and decline.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.PUBLISHED, Status.ARCHIVED}),
    Status.PUBLISHED: frozenset({Status.ARCHIVED}),
    Status.ARCHIVED: frozenset({Status.PUBLISHED, Status.DRAFT}),
    Status.PROPOSED: frozenset(),
    Status.DECLINED: frozenset({Status.ARCHIVED}),
}


@dataclass(frozen=True)
class ProgramFields:
    """What a program says about itself; texts per language (ky, ru, en)."""

    titles: dict[str, str]
    summaries: dict[str, str]
    direction: Direction
    activity_type: str
    session_count: int
    hours: Decimal
    languages: list[str]
    descriptions: dict[str, str] = field(default_factory=dict)
    themes: list[Theme] = field(default_factory=list)
    audiences: list[Audience] = field(default_factory=list)
    lead_partner: Partner | None = None
    partners: list[Partner] = field(default_factory=list)
    certificate_min_attendance: int | None = None
    late_joiners: bool = False
    min_age: int | None = None


def _code_from(text: str, *, model: type[Model], base_default: str) -> str:
    return free_slug(
        text,
        queryset=model._default_manager.all(),
        field="code",
        reserved=RESERVED_CODES,
        default=base_default,
        length=CODE_BASE_LENGTH,
    )


def program_code_for(title: str) -> str:
    """Return a free short code made from a title: transliterated, lower-case, unique."""
    return _code_from(title, model=Program, base_default="program")


def _apply(program: Program, fields: ProgramFields) -> None:
    set_translated(program, "title", fields.titles)
    set_translated(program, "summary", fields.summaries)
    set_translated(program, "description", fields.descriptions)
    program.direction = fields.direction
    program.activity_type = fields.activity_type
    program.session_count = fields.session_count
    program.hours = fields.hours
    program.languages = [lang for lang in LANGS if lang in fields.languages]
    program.lead_partner = fields.lead_partner
    program.certificate_min_attendance = fields.certificate_min_attendance
    program.late_joiners = fields.late_joiners
    program.min_age = fields.min_age


def _save_with_links(program: Program, fields: ProgramFields) -> Program:
    program.full_clean()
    program.save()
    program.themes.set(fields.themes)
    program.audiences.set(fields.audiences)
    program.partners.set([p for p in fields.partners if p != fields.lead_partner])
    return program


def _locked(program: Program) -> Program:
    # Fresh from the database: a bound form may have changed the object it was given.
    return Program.objects.select_for_update().get(pk=program.pk)


@transaction.atomic
def program_create(*, fields: ProgramFields, code: str = "") -> Program:
    """Create a program as a draft; a code left empty is made from the title."""
    code = code.strip().lower()
    if code in RESERVED_CODES:
        raise ProgramsError(CODE_RESERVED, field="code")
    if code and Program.objects.filter(code=code).exists():
        raise ProgramsError(CODE_TAKEN, field="code")
    program = Program(
        code=code or program_code_for(fields.titles.get("ky") or fields.titles.get("ru", "")),
        status=Status.DRAFT,
    )
    _apply(program, fields)
    return _save_with_links(program, fields)


@transaction.atomic
def program_update(*, program: Program, fields: ProgramFields) -> Program:
    """Change what a program says; its code and status stay."""
    program = _locked(program)
    _apply(program, fields)
    return _save_with_links(program, fields)


@transaction.atomic
def program_set_status(*, program: Program, status: str) -> Program:
    """Publish, archive or return a program to draft, if the move is allowed."""
    program = _locked(program)
    if status not in TRANSITIONS[program.status]:
        new = Status(status).label if status in Status.values else status
        raise ProgramsError(
            NOT_ALLOWED_TRANSITION, params={"old": program.get_status_display(), "new": new}
        )
    program.status = status
    program.save(update_fields=["status"])
    return program


@transaction.atomic
def audience_create(*, names: dict[str, str], code: str = "") -> Audience:
    """Add a target audience; a code left empty is made from the English or Russian name."""
    code = code.strip().lower() or _code_from(
        names.get("en") or names.get("ru") or names.get("ky", ""),
        model=Audience,
        base_default="audience",
    )
    if Audience.objects.filter(code=code).exists():
        raise ProgramsError(AUDIENCE_EXISTS, field="code")
    lowered = {n.strip().lower() for n in names.values() if n.strip()}
    for audience in Audience.objects.all():
        existing = {(getattr(audience, f"name_{lang}") or "").strip().lower() for lang in LANGS} - {
            ""
        }
        if lowered & existing:
            raise ProgramsError(AUDIENCE_EXISTS)
    audience = Audience(code=code)
    set_translated(audience, "name", names)
    audience.full_clean()
    audience.save()
    return audience


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
    """Create a program, or update the one with this code, with its links (for loaders)."""
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
