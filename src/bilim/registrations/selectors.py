from django.shortcuts import get_object_or_404

from bilim.scheduling.models import Offering

from .models import Registration


def offering_for_sign_up(*, pk: int) -> Offering:
    """A published offering with what its sign-up page shows; 404 otherwise."""
    return get_object_or_404(
        Offering.objects.select_related("program", "center__district__region").filter(
            status=Offering.Status.PUBLISHED
        ),
        pk=pk,
    )


def registration_by_token(*, token: str) -> Registration:
    """The registration a personal link points to; 404 for an unknown link."""
    return get_object_or_404(
        Registration.objects.select_related(
            "participant", "offering__program", "offering__center__district"
        ),
        token=token,
    )
