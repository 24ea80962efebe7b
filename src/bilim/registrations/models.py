"""Participants, their consent, and their registrations for offerings.

The places of an offering are counted on the offering row (`Offering.confirmed_count`,
confirmed registrations plus places held for a waiting person), changed only under
that row's lock; a check constraint on the offering refuses any count above capacity.
"""

import datetime
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from bilim.geography.models import District
from bilim.scheduling.models import Offering
from bilim.web.codes import ALPHABET as CODE_ALPHABET
from bilim.web.codes import random_code
from bilim.web.languages import LANGUAGES


class Sex(models.TextChoices):
    FEMALE = "female", _("woman")
    MALE = "male", _("man")
    NOT_DISCLOSED = "not_disclosed", _("prefers not to say")


class Disability(models.TextChoices):
    YES = "yes", _("yes")
    NO = "no", _("no")
    NOT_DISCLOSED = "not_disclosed", _("prefers not to say")


class AccessNeed(models.TextChoices):
    WHEELCHAIR = "wheelchair", _("wheelchair access")
    SIGN_LANGUAGE = "sign_language", _("sign-language interpreting")
    LARGE_PRINT = "large_print", _("large-print materials")
    COMPANION = "companion", _("coming with a companion")


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("under 18")
    FROM_18 = "18_29", _("18–29")
    FROM_30 = "30_49", _("30–49")
    FROM_50 = "50_64", _("50–64")
    FROM_65 = "65_plus", _("65 and over")
    NOT_DISCLOSED = "not_disclosed", _("not disclosed")


def age_band(birth_year: int | None, on: datetime.date) -> str:
    """The age band of someone born in `birth_year`, on a date (their age that year)."""
    if birth_year is None:
        return AgeBand.NOT_DISCLOSED
    age = on.year - birth_year
    for limit, band in ((18, AgeBand.UNDER_18), (30, AgeBand.FROM_18), (50, AgeBand.FROM_30)):
        if age < limit:
            return band
    return AgeBand.FROM_50 if age < 65 else AgeBand.FROM_65


class Participant(models.Model):
    """A citizen who registered at least once; no account, recognised by phone and name."""

    name = models.CharField(_("full name"), max_length=200)
    # Lower-cased, single-spaced name: with the phone, what makes a returning person.
    name_key = models.CharField(max_length=200, editable=False)
    phone = models.CharField(_("mobile phone"), max_length=16)
    email = models.EmailField(_("e-mail"), blank=True)
    sex = models.CharField(_("sex"), max_length=16, choices=Sex.choices)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    disability = models.CharField(
        _("disability"), max_length=16, choices=Disability.choices, default=Disability.NO
    )
    access_needs = models.JSONField(_("access needs"), default=list, blank=True)
    home_district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("home district"),
    )
    language = models.CharField(_("preferred language"), max_length=2, choices=LANGUAGES)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["phone", "name_key"], name="one_participant_per_person")
        ]

    def __str__(self) -> str:
        return self.name


class Consent(models.Model):
    """Consent to the processing of personal data: which text, when, and how it was given."""

    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("participant"),
    )
    version = models.CharField(_("version of the text"), max_length=20)
    language = models.CharField(_("language of the text"), max_length=2, choices=LANGUAGES)
    channel = models.CharField(_("channel"), max_length=10)
    given_at = models.DateTimeField(_("given at"), auto_now_add=True)

    class Meta:
        ordering = ["-given_at"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.participant} {self.version} {self.given_at:%Y-%m-%d}"


# A place freed this close to the first session is given at once, not offered and held.
IMMEDIATE_PROMOTION = datetime.timedelta(hours=24)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_short_code() -> str:
    """Eight digits, typed at check-in when the QR code cannot be scanned."""
    return f"{secrets.randbelow(10**8):08d}"


# Crockford's base32 in lower case: no i, l, o or u, so nothing reads as 1, 0 or another
# letter when a person copies the link from an SMS by hand.
# Short links are written in lower case: easier to read in an SMS.
LINK_ALPHABET = CODE_ALPHABET.lower()
LINK_CODE_LENGTH = 8


def new_link_code() -> str:
    """Eight random characters for the short link in SMS (/m/<code>): 32**8, about 10**12."""
    return random_code(LINK_CODE_LENGTH).lower()


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waitlist")
        OFFERED = "offered", _("place offered")
        CANCELLED = "cancelled", _("cancelled")

    class Channel(models.TextChoices):
        WEB = "web", _("website")
        PHONE = "phone", _("phone call")
        EMAIL = "email", _("e-mail")
        WALK_IN = "walk_in", _("walk-in")
        IMPORT = "import", _("import")

    participant = models.ForeignKey(
        Participant,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("participant"),
    )
    offering = models.ForeignKey(
        Offering,
        on_delete=models.PROTECT,
        related_name="registrations",
        verbose_name=_("offering"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("entered by"),
    )
    # The order of the waitlist: when the person joined it.
    waitlisted_at = models.DateTimeField(_("joined the waitlist at"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer held until"), null=True, blank=True)
    # When a place held for the person last went unanswered: their page says so while
    # they wait again.
    offer_lapsed_at = models.DateTimeField(_("offer lapsed at"), null=True, blank=True)
    token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    short_code = models.CharField(
        _("check-in code"), max_length=8, unique=True, default=new_short_code, editable=False
    )
    # The short link in SMS opens the personal page: the 32-character token would not fit.
    link_code = models.CharField(
        _("short link code"),
        max_length=LINK_CODE_LENGTH,
        unique=True,
        default=new_link_code,
        editable=False,
    )
    idempotency_key = models.CharField(max_length=64, unique=True, null=True, blank=True)
    # As they were when the registration was made: reports never change afterwards.
    sex = models.CharField(_("sex"), max_length=16, choices=Sex.choices)
    age_band = models.CharField(_("age band"), max_length=16, choices=AgeBand.choices)
    disability = models.CharField(_("disability"), max_length=16, choices=Disability.choices)
    home_district = models.ForeignKey(
        District,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("home district"),
    )
    access_needs = models.JSONField(_("access needs"), default=list, blank=True)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["participant", "offering"],
                condition=~models.Q(status="cancelled"),
                name="one_active_registration_per_offering",
            ),
        ]
        indexes = [models.Index(fields=["offering", "status", "waitlisted_at"])]

    def __str__(self) -> str:
        return f"{self.participant} — {self.offering}"


class OneTimeCode(models.Model):
    """A code sent by SMS that opens a person's registrations, for a few minutes, once.

    Only a hash of the code is kept; wrong guesses are counted and end the code.
    """

    phone = models.CharField(_("mobile phone"), max_length=16, db_index=True)
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("valid until"))
    attempts = models.PositiveSmallIntegerField(_("wrong attempts"), default=0)
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("one-time code")
        verbose_name_plural = _("one-time codes")

    def __str__(self) -> str:
        return f"{self.phone} {self.created_at:%Y-%m-%d %H:%M}"
