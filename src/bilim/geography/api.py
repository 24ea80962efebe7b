from django.http import HttpRequest
from ninja import Router

from .schemas import DistrictOut, RegionOut
from .selectors import district_list, region_list

router = Router(tags=["geography"])


@router.get("/regions", response=list[RegionOut])
def list_regions(request: HttpRequest) -> list[RegionOut]:
    return [RegionOut.model_validate(r, from_attributes=True) for r in region_list()]


@router.get("/districts", response=list[DistrictOut])
def list_districts(request: HttpRequest, region: str | None = None) -> list[DistrictOut]:
    qs = district_list()
    if region:
        qs = qs.filter(region__code=region)
    return [
        DistrictOut(
            code=d.code,
            region_code=d.region.code,
            kind=d.kind,
            name=d.name,
            latitude=float(d.latitude),
            longitude=float(d.longitude),
            population=d.population,
        )
        for d in qs
    ]
