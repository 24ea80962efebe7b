from ninja import Schema


class CenterOut(Schema):
    code: str
    name: str
    address: str
    district_code: str
    region_code: str
    latitude: float
    longitude: float
    phone: str
    step_free_entrance: bool
    accessible_toilet: bool
    hearing_loop: bool
    sign_language_on_request: bool
    large_print_materials: bool
