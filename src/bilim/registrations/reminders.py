"""Reminders before each session: 24 hours and 2 hours ahead, once each, by SMS."""

import datetime

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bilim.notifications.models import Message
from bilim.notifications.services import message_queue
from bilim.notifications.sms_fit import sms_fit, sms_when
from bilim.scheduling.models import Offering, Session

from .models import Registration

AHEAD = {"24h": datetime.timedelta(hours=24), "2h": datetime.timedelta(hours=2)}


def _text(session: Session, registration: Registration) -> str:
    with translation.override(registration.participant.language):
        offering = session.offering
        return sms_fit(
            _("Reminder: %(title)s, %(when)s, %(place)s."),
            {
                "title": offering.program.title,
                "when": sms_when(session.starts_at),
                "place": offering.center.name if offering.center else _("online"),
            },
            shorten=("title", "place"),
        )


def reminders_queue(*, now: datetime.datetime | None = None) -> int:
    """Queue the reminders that are due; safe to run as often as one likes. Returns queued."""
    now = now or timezone.now()
    queued = 0
    for label, ahead in AHEAD.items():
        sessions = Session.objects.filter(
            status=Session.Status.SCHEDULED,
            offering__status=Offering.Status.PUBLISHED,
            starts_at__gt=now,
            starts_at__lte=now + ahead,
        ).select_related("offering__program", "offering__center")
        if label == "24h":
            # Closer than 2 hours, the 2-hour reminder says it all.
            sessions = sessions.filter(starts_at__gt=now + AHEAD["2h"])
        for session in sessions:
            registrations = Registration.objects.filter(
                offering=session.offering, status=Registration.Status.CONFIRMED
            ).select_related("participant")
            for registration in registrations:
                message = message_queue(
                    channel=Message.Channel.SMS,
                    recipient=registration.participant.phone,
                    body=_text(session, registration),
                    kind=f"reminder-{label}",
                    language=registration.participant.language,
                    center=session.offering.center,
                    dedupe_key=f"reminder-{label}:session:{session.pk}:registration:{registration.pk}",
                )
                queued += message is not None
    return queued
