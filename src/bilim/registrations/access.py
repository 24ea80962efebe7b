"""Whether the venue of an offering provides what a person said they need."""

from django.utils import translation
from django.utils.translation import gettext as _

from bilim.accounts.models import Role
from bilim.centers.selectors import center_staff
from bilim.notifications.models import Message
from bilim.notifications.services import message_queue
from bilim.scheduling.models import Offering, Session

from .models import AccessNeed, Registration

# What each need asks of a center; a companion needs nothing from the venue.
CENTER_PROVIDES: dict[str, str] = {
    AccessNeed.WHEELCHAIR: "step_free_entrance",
    AccessNeed.SIGN_LANGUAGE: "sign_language_on_request",
    AccessNeed.LARGE_PRINT: "large_print_materials",
}


def unmet_needs(offering: Offering, needs: list[str]) -> list[str]:
    """The needs the venue does not provide: none online, else per the center and its rooms."""
    center = offering.center
    if center is None or offering.format == Offering.Format.ONLINE:
        return []
    unmet = [n for n in needs if n in CENTER_PROVIDES and not getattr(center, CENTER_PROVIDES[n])]
    if AccessNeed.WHEELCHAIR in needs and AccessNeed.WHEELCHAIR not in unmet:
        rooms_with_steps = Session.objects.filter(
            offering=offering, status=Session.Status.SCHEDULED, room__step_free=False
        )
        if rooms_with_steps.exists():
            unmet.append(AccessNeed.WHEELCHAIR)
    return unmet


def alert_center(registration: Registration, unmet: list[str]) -> int:
    """E-mail the center's managers that a participant needs what the venue lacks."""
    offering = registration.offering
    if offering.center is None or not unmet:
        return 0
    managers = [
        a.user
        for a in center_staff(center=offering.center)
        if a.role == Role.CENTER and a.user.email and a.user.is_active
    ]
    for user in managers:
        with translation.override(user.language or "ky"):
            body = _(
                "%(name)s (%(phone)s) registered for %(title)s and needs: %(needs)s. "
                "The center's record says it does not provide this. Please call them "
                "before the first session."
            ) % {
                "name": registration.participant.name,
                "phone": registration.participant.phone,
                "title": offering.program.title,
                "needs": ", ".join(str(AccessNeed(n).label) for n in unmet),
            }
            subject = _("A participant needs access the center does not provide")
        message_queue(
            channel=Message.Channel.EMAIL,
            recipient=user.email,
            subject=subject,
            body=body,
            kind="access-needs",
            language=user.language or "ky",
            center=offering.center,
            dedupe_key=f"access-needs:registration:{registration.pk}:user:{user.pk}",
        )
    return len(managers)
