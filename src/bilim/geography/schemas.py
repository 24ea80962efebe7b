from ninja import Schema


class RegionOut(Schema):
    code: str
    kind: str
    name: str
    latitude: float
    longitude: float
    population: int | None


class DistrictOut(Schema):
    code: str
    region_code: str
    kind: str
    name: str
    latitude: float
    longitude: float
    population: int | None
