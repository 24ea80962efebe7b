"""A person corrects their own stored details, after proving their phone with a code.

Nothing else changes a returning person's details: registering (on the site, by phone or
at the door) keeps its answers on the registration's own snapshot.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction

from bilim.geography.models import District

from .errors import NAME_TAKEN, RegistrationError
from .models import Participant
from .services import name_key


@dataclass(frozen=True)
class Details:
    """What a person may correct: the name printed on certificates and how to reach them."""

    name: str
    email: str
    language: str
    sex: str
    birth_year: int | None
    home_district: District | None
    disability: str


FIELDS = (
    "name",
    "name_key",
    "email",
    "language",
    "sex",
    "birth_year",
    "home_district",
    "disability",
)


@transaction.atomic
def participant_update(*, participant: Participant, details: Details) -> Participant:
    """Store the person's corrected details; their registrations keep their snapshots.

    The caller has checked that the person proved this participant's phone. Another
    participant with the same phone and name (a family member) makes it a RegistrationError.
    """
    participant.name = " ".join(details.name.split())
    participant.name_key = name_key(details.name)
    participant.email = details.email
    participant.language = details.language
    participant.sex = details.sex
    participant.birth_year = details.birth_year
    participant.home_district = details.home_district
    participant.disability = details.disability
    try:
        with transaction.atomic():
            participant.save(update_fields=FIELDS)
    except IntegrityError:
        raise RegistrationError(NAME_TAKEN, field="name") from None
    return participant
