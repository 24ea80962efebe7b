"""Prepare the offerings the registration benchmark signs people up for; print their ids.

Run with `manage.py shell`: it takes published demo offerings whose registration is open,
removes earlier benchmark registrations, and sets the places: one popular offering with
room for everyone in the run, 100 offerings for the spread run, and one with 50 places
for the run that must fill up and waitlist the rest. Benchmark data only.
"""

import os

from django.db import transaction

from bilim.registrations.models import Consent, Participant, Registration
from bilim.scheduling.models import Offering

open_now = [
    o
    for o in Offering.objects.filter(status=Offering.Status.PUBLISHED).order_by("pk")
    if o.registration_is_open()
]
popular, full, spread = open_now[0], open_now[1], open_now[2:102]
with transaction.atomic():
    bench = Participant.objects.filter(name__startswith="Bench ")
    Registration.objects.filter(participant__in=bench).delete()
    Consent.objects.filter(participant__in=bench).delete()
    bench.delete()
    for offering in open_now:
        taken = offering.registrations.exclude(status=Registration.Status.CANCELLED)
        places = {popular.pk: 30000, full.pk: 50}.get(offering.pk, 1000)
        Offering.objects.filter(pk=offering.pk).update(
            capacity=places,
            confirmed_count=taken.filter(
                status__in=[Registration.Status.CONFIRMED, Registration.Status.OFFERED]
            ).count(),
        )
out = os.environ.get("BENCH_OFFERINGS_OUT", "/dev/stdout")
with open(out, "w") as f:
    f.write(f"popular={popular.pk}\nfull={full.pk}\n")
    f.write("spread=" + ",".join(str(o.pk) for o in spread) + "\n")
