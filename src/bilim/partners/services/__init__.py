"""Writes to partners, their agreements and contributions, and partnership applications."""

from .agreements import agreement_save, agreements_remind_expiring, contribution_save
from .applications import (
    TRANSITIONS,
    application_acknowledge,
    application_comment,
    application_submit,
    application_transition,
)
from .partners import partner_slug_for, partner_upsert

__all__ = [
    "TRANSITIONS",
    "agreement_save",
    "agreements_remind_expiring",
    "application_acknowledge",
    "application_comment",
    "application_submit",
    "application_transition",
    "contribution_save",
    "partner_slug_for",
    "partner_upsert",
]
