"""Writes to the program catalog; the only write path for programs and their materials."""

from .materials import material_add, material_remove
from .programs import (
    RESERVED_CODES,
    TRANSITIONS,
    ProgramFields,
    audience_create,
    program_code_for,
    program_create,
    program_set_status,
    program_update,
    program_upsert,
    theme_upsert,
)
from .proposals import program_approve, program_decline, program_propose

__all__ = [
    "RESERVED_CODES",
    "TRANSITIONS",
    "ProgramFields",
    "audience_create",
    "material_add",
    "material_remove",
    "program_approve",
    "program_code_for",
    "program_create",
    "program_decline",
    "program_propose",
    "program_set_status",
    "program_update",
    "program_upsert",
    "theme_upsert",
]
