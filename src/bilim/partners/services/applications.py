"""Partnership applications: submission, acknowledgement, and the national office's review."""

from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from bilim.accounts.models import User
from bilim.geography.models import Region
from bilim.notifications.models import Message
from bilim.notifications.services import message_queue

from ..errors import DECLINE_NEEDS_COMMENT, EMPTY_COMMENT, NOT_ALLOWED_TRANSITION, PartnersError
from ..models import ApplicationEvent, Direction, Partner, PartnershipApplication
from .partners import LANGS, partner_slug_for, partner_upsert

Status = PartnershipApplication.Status

# Where an application may go from each status; accepted and declined are final.
TRANSITIONS: dict[str, frozenset[str]] = {
    Status.RECEIVED: frozenset({Status.UNDER_REVIEW, Status.DECLINED}),
    Status.UNDER_REVIEW: frozenset({Status.ACCEPTED, Status.DECLINED}),
    Status.ACCEPTED: frozenset(),
    Status.DECLINED: frozenset(),
}


@transaction.atomic
def application_submit(
    *,
    organisation: str,
    kind: str,
    contact_name: str,
    email: str,
    offer: str,
    directions: Iterable[Direction],
    regions: Iterable[Region] = (),
    phone: str = "",
    website: str = "",
    language: str = "ky",
) -> PartnershipApplication:
    """Store an application from the public form, and queue its acknowledgement by e-mail.

    The e-mail goes into the outbox with the application: a mail server that is down
    delays it (it is retried) but neither loses it nor refuses the application.
    """
    application = PartnershipApplication(
        organisation=organisation.strip(),
        kind=kind,
        contact_name=contact_name.strip(),
        email=email.strip(),
        phone=phone.strip(),
        website=website.strip(),
        offer=offer.strip(),
        language=language if language in LANGS else "ky",
    )
    application.full_clean()
    application.save()
    application.directions.set(list(directions))
    application.regions.set(list(regions))
    ApplicationEvent.objects.create(application=application, to_status=Status.RECEIVED)
    application_acknowledge(application_id=application.pk)
    return application


@transaction.atomic
def application_acknowledge(*, application_id: int) -> bool:
    """Queue the e-mail that tells the applicant, in their language, that it arrived; once.

    Returns whether it was queued now. `acknowledged_at` is when it was queued; the outbox
    (notifications) records when it was sent.
    """
    application = (
        PartnershipApplication.objects.select_for_update().filter(pk=application_id).first()
    )
    if application is None or application.acknowledged_at is not None:
        return False
    with translation.override(application.language):
        values = {
            "name": application.contact_name,
            "organisation": application.organisation,
            "phone": settings.BILIM_CONTACT_PHONE,
            "email": settings.BILIM_CONTACT_EMAIL,
        }
        subject = _("We have received your partnership application")
        body = "\n\n".join(
            [
                _("Hello, %(name)s.") % values,
                _(
                    "Thank you for offering to work with the Civic and Digital Education "
                    "Centers. We have received the application of %(organisation)s."
                )
                % values,
                _(
                    "The national office will review it and write to you at this address "
                    "with its decision."
                ),
                _("Questions: %(phone)s, %(email)s.") % values,
            ]
        )
    message_queue(
        channel=Message.Channel.EMAIL,
        recipient=application.email,
        subject=subject,
        body=body,
        kind="partnership-application",
        language=application.language,
        dedupe_key=f"partnership-application:{application.pk}",
    )
    application.acknowledged_at = timezone.now()
    application.save(update_fields=["acknowledged_at"])
    return True


@transaction.atomic
def application_transition(
    *,
    application: PartnershipApplication,
    to_status: str,
    author: User,
    comment: str = "",
) -> PartnershipApplication:
    """Move an application to its next status; accepting it creates the partner record.

    Declining needs a comment, which is kept in the review history with the author.
    """
    application = PartnershipApplication.objects.select_for_update().get(pk=application.pk)
    old_status = application.status
    if to_status not in TRANSITIONS.get(old_status, frozenset()):
        raise PartnersError(
            NOT_ALLOWED_TRANSITION,
            params={"old": Status(old_status).label, "new": _status_label(to_status)},
        )
    comment = comment.strip()
    if to_status == Status.DECLINED and not comment:
        raise PartnersError(DECLINE_NEEDS_COMMENT, field="comment")
    if to_status == Status.ACCEPTED:
        application.partner = _partner_from(application)
    if to_status in (Status.ACCEPTED, Status.DECLINED):
        application.decided_at = timezone.now()
    application.status = to_status
    application.save(update_fields=["status", "partner", "decided_at"])
    ApplicationEvent.objects.create(
        application=application,
        author=author,
        from_status=old_status,
        to_status=to_status,
        comment=comment,
    )
    return application


@transaction.atomic
def application_comment(
    *, application: PartnershipApplication, author: User, comment: str
) -> ApplicationEvent:
    """Add a comment to an application's review history without changing its status."""
    comment = comment.strip()
    if not comment:
        raise PartnersError(EMPTY_COMMENT, field="comment")
    return ApplicationEvent.objects.create(
        application=application,
        author=author,
        from_status=application.status,
        to_status=application.status,
        comment=comment,
    )


def _status_label(value: str) -> str:
    return str(Status(value).label) if value in Status.values else value


def _partner_from(application: PartnershipApplication) -> Partner:
    # The submitted name stands in every language until the national office edits it.
    return partner_upsert(
        slug=partner_slug_for(application.organisation),
        kind=application.kind,
        names=dict.fromkeys(LANGS, application.organisation),
        directions=[d.code for d in application.directions.all()],
        regions=application.regions.all(),
        website=application.website,
        email=application.email,
        phone=application.phone,
        contact_person=application.contact_name,
        is_active=True,
    )
