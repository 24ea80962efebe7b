from django.http import HttpRequest
from ninja import Router

from .schemas import ProgramOut
from .selectors import published_program_list

router = Router(tags=["programs"])


@router.get("", response=list[ProgramOut])
def list_programs(request: HttpRequest, direction: str | None = None) -> list[ProgramOut]:
    """Published programs, optionally of one direction (civic, digital, e-services, community)."""
    qs = published_program_list()
    if direction:
        qs = qs.filter(direction__code=direction)
    return [
        ProgramOut(
            code=p.code,
            title=p.title,
            summary=p.summary,
            direction=p.direction.code,
            activity_type=p.activity_type,
            session_count=p.session_count,
            hours=float(p.hours),
            languages=list(p.languages),
        )
        for p in qs
    ]
