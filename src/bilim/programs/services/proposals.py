"""Partners' proposals of programs, and the national office's decision on them."""

from django.db import transaction
from django.utils import timezone

from bilim.accounts.models import User
from bilim.partners.models import Partner

from ..errors import DECLINE_NEEDS_COMMENT, NOT_A_PROPOSAL, NOT_YOUR_PROPOSAL, ProgramsError
from ..models import Program
from .programs import ProgramFields, _apply, _locked, _save_with_links, program_code_for

Status = Program.Status


@transaction.atomic
def program_propose(
    *, partner: Partner, fields: ProgramFields, program: Program | None = None
) -> Program:
    """Propose a program led by the partner, or revise its proposal (a declined one too).

    The proposal waits for the national office; the partner always leads it.
    """
    if program is None:
        program = Program(
            code=program_code_for(fields.titles.get("ky") or fields.titles.get("ru", "")),
            proposed_by=partner,
        )
    else:
        program = _locked(program)
        if program.proposed_by_id != partner.pk or program.status not in (
            Status.PROPOSED,
            Status.DECLINED,
        ):
            raise ProgramsError(NOT_YOUR_PROPOSAL)
    _apply(program, fields)
    program.lead_partner = partner
    program.status = Status.PROPOSED
    program.decision_comment, program.decided_by, program.decided_at = "", None, None
    return _save_with_links(program, fields)


def _decide(program: Program, *, to: str, author: User, comment: str) -> Program:
    program = _locked(program)
    if program.status != Status.PROPOSED:
        raise ProgramsError(NOT_A_PROPOSAL)
    program.status = to
    program.decision_comment = comment.strip()
    program.decided_by = author
    program.decided_at = timezone.now()
    program.save(update_fields=["status", "decision_comment", "decided_by", "decided_at"])
    return program


@transaction.atomic
def program_approve(*, program: Program, author: User, comment: str = "") -> Program:
    """Approve a partner's proposal: the program is published in the catalog."""
    return _decide(program, to=Status.PUBLISHED, author=author, comment=comment)


@transaction.atomic
def program_decline(*, program: Program, author: User, comment: str) -> Program:
    """Decline a partner's proposal with a comment the partner reads; they may revise it."""
    if not comment.strip():
        raise ProgramsError(DECLINE_NEEDS_COMMENT, field="comment")
    return _decide(program, to=Status.DECLINED, author=author, comment=comment)
