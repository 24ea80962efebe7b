"""iCalendar (RFC 5545) feeds of sessions, for calendar apps.

Each session is one VEVENT whose UID never changes, so a moved session moves in the
subscriber's calendar and a cancelled one shows as cancelled instead of vanishing.
Times are written in UTC. Summaries and places are in the language of the request.
"""

import datetime
from collections.abc import Iterable

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Session

PRODID = "-//Bilim//Civic and Digital Education Centers//EN"
UID_DOMAIN = "bilim.kg"


def session_uid(session: Session) -> str:
    return f"session-{session.pk}@{UID_DOMAIN}"


def session_location(session: Session) -> str:
    """The center and room, or "online" for a session without a center."""
    center = session.offering.center
    if center is None:
        return _("online")
    parts = [center.name]
    if session.room is not None:
        parts.append(session.room.name)
    parts.append(center.address)
    return ", ".join(p for p in parts if p)


def calendar_bytes(*, name: str, sessions: Iterable[Session], with_stream: bool = False) -> bytes:
    """Return a VCALENDAR of the sessions; `with_stream` adds the meeting link (staff only)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for session in sessions:
        calendar.add_component(_event(session, stamp, with_stream=with_stream))
    body: bytes = calendar.to_ical()
    return body


def _event(session: Session, stamp: datetime.datetime, *, with_stream: bool) -> icalendar.Event:
    event = icalendar.Event()
    cancelled = session.status == Session.Status.CANCELLED
    title = session.offering.program.title
    event.add("uid", session_uid(session))
    event.add("dtstamp", stamp)
    event.add("dtstart", session.starts_at.astimezone(datetime.UTC))
    event.add("dtend", session.ends_at.astimezone(datetime.UTC))
    event.add("summary", _("Cancelled: %(title)s") % {"title": title} if cancelled else title)
    event.add("location", session_location(session))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    description = []
    if cancelled and session.cancel_reason:
        description.append(_("Reason: %(reason)s") % {"reason": session.cancel_reason})
    if with_stream and session.stream_url:
        event.add("url", session.stream_url)
        description.append(session.stream_url)
    if description:
        event.add("description", "\n".join(description))
    return event
