"""Offerings of programs, their sessions, and coworking bookings of rooms.

One calendar per room: a scheduled session and an approved booking each occupy a room
for an interval; `services.occupancy` refuses a second occupant under a row lock on the
room (and on each facilitator), so the database, not the form, keeps it single.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bilim.centers.models import Center, Room
from bilim.partners.models import Partner
from bilim.programs.models import Program
from bilim.web.languages import LANGUAGES


def local_datetime(
    day: datetime.date, time: datetime.time = datetime.time.min
) -> datetime.datetime:
    """The moment `time` on `day` in the site's time zone (Asia/Bishkek)."""
    return timezone.make_aware(datetime.datetime.combine(day, time))


# An approved booking that nobody checked in for within this time frees its room.
CHECK_IN_GRACE = datetime.timedelta(minutes=30)


class Offering(models.Model):
    """One delivery of a program: at a center, online, or both, for a group of people."""

    class Format(models.TextChoices):
        OFFLINE = "offline", _("at a center")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("at a center and online")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed by a partner")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", _("cancelled")

    program = models.ForeignKey(
        Program, on_delete=models.PROTECT, related_name="offerings", verbose_name=_("program")
    )
    center = models.ForeignKey(
        Center,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offerings",
        verbose_name=_("center"),
    )
    format = models.CharField(
        _("format"), max_length=10, choices=Format.choices, default=Format.OFFLINE
    )
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="ky")
    capacity = models.PositiveSmallIntegerField(_("places"))
    # Kept by the registration service under the offering's row lock (issue: registrations).
    confirmed_count = models.PositiveSmallIntegerField(_("places taken"), default=0)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    # How long a place freed for the first person waiting is held before it passes on.
    offer_hold_hours = models.PositiveSmallIntegerField(
        _("hours a freed place is held"), default=12
    )
    facilitators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="facilitated_offerings",
        verbose_name=_("facilitators"),
    )
    proposed_by = models.ForeignKey(
        Partner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposed_offerings",
        verbose_name=_("proposed by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    note = models.CharField(_("note for participants"), max_length=300, blank=True)
    # Denormalised from the sessions by the services, for the catalog's date filters.
    first_starts_at = models.DateTimeField(_("first session"), null=True, blank=True)
    last_ends_at = models.DateTimeField(_("last session ends"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["first_starts_at", "pk"]
        verbose_name = _("offering")
        verbose_name_plural = _("offerings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gt=0), name="offering_capacity_positive"
            ),
            models.CheckConstraint(
                condition=models.Q(confirmed_count__lte=models.F("capacity")),
                name="offering_never_overbooked",
            ),
            models.CheckConstraint(
                condition=models.Q(format="online") | models.Q(center__isnull=False),
                name="offering_at_center_has_center",
            ),
        ]
        indexes = [models.Index(fields=["status", "first_starts_at"])]

    def __str__(self) -> str:
        return f"{self.program} — {self.center or _('online')}"

    @property
    def free_places(self) -> int:
        return max(self.capacity - self.confirmed_count, 0)

    @property
    def is_online(self) -> bool:
        return self.format in (self.Format.ONLINE, self.Format.HYBRID)

    def registration_is_open(
        self, now: datetime.datetime | None = None, *, walk_in: bool = False
    ) -> bool:
        """Whether the group takes a sign-up (or a waitlist place) now; one query.

        The rule is `registration_rule`'s, shared with the lists that filter on it.
        """
        # Imported here: the rule module reads this one's models.
        from .registration_rule import OPEN_STATES, registration_state

        return registration_state(self, now, walk_in=walk_in) in OPEN_STATES


class Session(models.Model):
    """One meeting of an offering, in a room, online, or both."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("scheduled")
        CANCELLED = "cancelled", pgettext_lazy("session", "cancelled")

    offering = models.ForeignKey(
        Offering, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("offering")
    )
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    room = models.ForeignKey(
        Room,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("room"),
    )
    # Shown only to registered participants (and to staff); never on public pages.
    stream_url = models.URLField(_("stream or meeting link"), blank=True)
    open_to_everyone = models.BooleanField(
        _("stream open to everyone"),
        default=False,
        help_text=_("Listed under “live now” while it streams, for anyone to join."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED
    )
    cancel_reason = models.CharField(_("reason for cancelling"), max_length=300, blank=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_start",
            ),
        ]
        indexes = [
            models.Index(fields=["room", "starts_at"]),
            models.Index(fields=["status", "starts_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.offering.program} {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"


class SpaceBooking(models.Model):
    """A request to use a center's room as a community space, and its decision."""

    class Purpose(models.TextChoices):
        ROUND_TABLE = "round_table", _("round table")
        DEBATE_CLUB = "debate_club", _("debate club")
        EXPERT_MEETING = "expert_meeting", _("meeting with an expert")
        WOMEN_LEADERSHIP = "women_leadership", _("women's leadership event")
        OTHER = "other", _("other community event")

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for a decision")
        APPROVED = "approved", _("approved")
        DECLINED = "declined", _("declined")
        CANCELLED = "cancelled", _("cancelled")
        RELEASED = "released", _("released: nobody checked in")

    center = models.ForeignKey(
        Center, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("center")
    )
    room = models.ForeignKey(
        Room,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bookings",
        verbose_name=_("room"),
    )
    purpose = models.CharField(_("purpose"), max_length=20, choices=Purpose.choices)
    title = models.CharField(_("title of the event"), max_length=200)
    description = models.TextField(_("what will happen"), blank=True)
    expected_attendance = models.PositiveSmallIntegerField(_("expected attendance"))
    needs = models.CharField(_("what you need"), max_length=500, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    requester_name = models.CharField(_("your name"), max_length=200)
    organisation = models.CharField(_("group or organisation"), max_length=300, blank=True)
    partner = models.ForeignKey(
        Partner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bookings",
        verbose_name=_("partner"),
    )
    phone = models.CharField(_("phone"), max_length=40)
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=2, choices=LANGUAGES, default="ky")
    publish = models.BooleanField(
        _("publish as an open event"),
        default=False,
        help_text=_("Anyone may come; the event is listed on the center's page."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decision_reason = models.CharField(_("reason"), max_length=500, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("community space booking")
        verbose_name_plural = _("community space bookings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="booking_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="approved") | models.Q(room__isnull=False),
                name="approved_booking_has_room",
            ),
        ]
        indexes = [models.Index(fields=["room", "starts_at"])]

    def __str__(self) -> str:
        return self.title

    def holds_room(self, now: datetime.datetime | None = None) -> bool:
        """Whether the booking still blocks its room: approved, and claimed in time."""
        if self.status != self.Status.APPROVED:
            return False
        if self.checked_in_at:
            return True
        now = now or timezone.now()
        return now < self.starts_at + CHECK_IN_GRACE


class CalendarFeedToken(models.Model):
    """The secret in a person's calendar feed address; calendar apps cannot sign in.

    Regenerating it breaks the old address, for a feed that was shared by mistake.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="calendar_feed_token",
        verbose_name=_("user"),
    )
    token = models.CharField(_("secret"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed secret")
        verbose_name_plural = _("calendar feed secrets")

    def __str__(self) -> str:
        return str(self.user)
