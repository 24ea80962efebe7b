"""Writes to partners' agreements and contributions, and the reminders before agreements end."""

import datetime
import logging
from dataclasses import dataclass
from decimal import Decimal

from django.core.files import File
from django.db import transaction
from django.utils import formats, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bilim.accounts.models import Role, User
from bilim.notifications.models import Message
from bilim.notifications.services import message_queue

from ..models import Agreement, Contribution, Partner
from .partners import set_translated

logger = logging.getLogger(__name__)


def _forget_file_on_commit(old_name: str, new_name: str, storage: object) -> None:
    if old_name and old_name != new_name:
        # Only once the change is safe: a rolled-back change keeps its old file.
        transaction.on_commit(lambda: storage.delete(old_name))  # type: ignore[attr-defined]


@transaction.atomic
def agreement_save(
    *,
    partner: Partner,
    agreement: Agreement | None = None,
    kind: str,
    number: str,
    signed_on: datetime.date,
    valid_until: datetime.date | None,
    scopes: dict[str, str],
    file: File[bytes] | None = None,
    remove_file: bool = False,
) -> Agreement:
    """Record a new agreement of a partner, or change one; a new end date re-arms its reminder."""
    if agreement is None:
        agreement = Agreement(partner=partner)
    else:
        # Fresh from the database: a bound form may have changed the object it was given.
        agreement = Agreement.objects.select_for_update().get(pk=agreement.pk, partner=partner)
        if agreement.valid_until != valid_until:
            agreement.reminder_sent_on = None
    old_file = agreement.file.name or ""
    agreement.kind = kind
    agreement.number = number
    agreement.signed_on = signed_on
    agreement.valid_until = valid_until
    set_translated(agreement, "scope", scopes)
    if file is not None:
        agreement.file = file
    elif remove_file:
        agreement.file = None
    agreement.full_clean()
    agreement.save()
    _forget_file_on_commit(old_file, agreement.file.name or "", agreement.file.storage)
    return agreement


@transaction.atomic
def contribution_save(
    *,
    partner: Partner,
    contribution: Contribution | None = None,
    kind: str,
    year: int,
    descriptions: dict[str, str],
    amount: Decimal | None = None,
    currency: str = "",
) -> Contribution:
    """Record what a partner gave in a year, or change a record; money needs its currency."""
    if contribution is None:
        contribution = Contribution(partner=partner)
    else:
        contribution = Contribution.objects.select_for_update().get(
            pk=contribution.pk, partner=partner
        )
    contribution.kind = kind
    contribution.year = year
    set_translated(contribution, "description", descriptions)
    contribution.amount = amount
    contribution.currency = currency
    contribution.full_clean()
    contribution.save()
    return contribution


@dataclass(frozen=True)
class ReminderRun:
    reminded: int


def national_recipients() -> list[User]:
    """Return the active national administrators who have an e-mail address."""
    return list(
        User.objects.filter(is_active=True, role_assignments__role=Role.NATIONAL)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def agreements_remind_expiring(*, today: datetime.date, days: int = 30) -> ReminderRun:
    """E-mail the national office once about each agreement that ends within `days`.

    Each administrator gets the message in their own language. The messages go into the
    outbox with the mark that the agreement was reminded: a mail server that is down
    delays them (they are retried) but loses none.
    """
    recipients = national_recipients()
    if not recipients:
        logger.warning("No national administrator with an e-mail: no reminders sent.")
        return ReminderRun(reminded=0)
    due = Agreement.objects.filter(
        valid_until__gte=today,
        valid_until__lte=today + datetime.timedelta(days=days),
        reminder_sent_on__isnull=True,
    ).values_list("pk", flat=True)
    reminded = [_agreement_remind(pk=pk, recipients=recipients, today=today) for pk in due]
    return ReminderRun(reminded=sum(reminded))


@transaction.atomic
def _agreement_remind(*, pk: int, recipients: list[User], today: datetime.date) -> bool:
    agreement = (
        Agreement.objects.select_for_update()
        .select_related("partner")
        .filter(pk=pk, reminder_sent_on__isnull=True)
        .first()
    )
    if agreement is None:  # another run got there first
        return False
    for user in recipients:
        subject, body = _reminder(agreement, user, today)
        message_queue(
            channel=Message.Channel.EMAIL,
            recipient=user.email,
            subject=subject,
            body=body,
            kind="agreement-ends",
            language=user.language,
            dedupe_key=f"agreement-ends:{agreement.pk}:{agreement.valid_until}:{user.pk}",
        )
    agreement.reminder_sent_on = today
    agreement.save(update_fields=["reminder_sent_on"])
    return True


def _reminder(agreement: Agreement, user: User, today: datetime.date) -> tuple[str, str]:
    until = agreement.valid_until or today  # chosen by its end date: never open-ended here
    with translation.override(user.language):
        days = (until - today).days
        values = {
            "partner": agreement.partner.name,
            "kind": agreement.get_kind_display(),
            "number": agreement.number or "—",
            "signed": formats.date_format(agreement.signed_on, "SHORT_DATE_FORMAT"),
            "until": formats.date_format(until, "SHORT_DATE_FORMAT"),
            "days": days,
            "name": user.get_full_name() or user.username,
        }
        subject = _("The agreement with “%(partner)s” ends on %(until)s") % values
        body = "\n\n".join(
            [
                _("Hello, %(name)s.") % values,
                ngettext(
                    "The agreement with %(partner)s (%(kind)s, number %(number)s, signed on "
                    "%(signed)s) is valid until %(until)s: %(days)s day from today.",
                    "The agreement with %(partner)s (%(kind)s, number %(number)s, signed on "
                    "%(signed)s) is valid until %(until)s: %(days)s days from today.",
                    days,
                )
                % values,
                _(
                    "Renew it, or agree on what happens when it ends, and record the new "
                    "agreement on the partner's page in Bilim (Staff → Partners)."
                ),
                _("Bilim sends this reminder once for each agreement."),
            ]
        )
    return subject, body
