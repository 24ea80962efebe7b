import hashlib
from typing import Any

from django.http import HttpRequest
from ninja import Router

from bilim.web.fragments import cached_part

from .schemas import CenterOut
from .selectors import public_center_list

router = Router(tags=["centers"])


def _open_centers(region: str | None) -> list[dict[str, Any]]:
    qs = public_center_list()
    if region:
        qs = qs.filter(district__region__code=region)
    return [
        CenterOut(
            code=c.code,
            name=c.name,
            address=c.address,
            district_code=c.district.code,
            region_code=c.district.region.code,
            latitude=float(c.latitude),
            longitude=float(c.longitude),
            phone=c.phone,
            step_free_entrance=c.step_free_entrance,
            accessible_toilet=c.accessible_toilet,
            hearing_loop=c.hearing_loop,
            sign_language_on_request=c.sign_language_on_request,
            large_print_materials=c.large_print_materials,
        ).model_dump()
        for c in qs
    ]


@router.get("", response=list[CenterOut])
def list_centers(request: HttpRequest, region: str | None = None) -> list[dict[str, Any]]:
    """Open centers, optionally of one region (SOATE code); kept for a minute like the pages."""
    # Hashed: the region comes from the query string, of any length and any characters.
    key = hashlib.sha256((region or "").encode()).hexdigest()[:16]
    return cached_part(f"api:centers:{key}", lambda: _open_centers(region))
