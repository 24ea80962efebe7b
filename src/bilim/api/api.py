"""The HTTP API: assembles the apps' routers under /api/v1/."""

from ninja import NinjaAPI, Swagger

from bilim.centers.api import router as centers_router
from bilim.geography.api import router as geography_router
from bilim.programs.api import router as programs_router

from .errors import install_error_handlers

api = NinjaAPI(
    title="Bilim API",
    version="1",
    description=(
        "Public data of the network of Civic and Digital Education Centers. "
        "Names come in the language of the Accept-Language header (ky, ru or en). "
        'Every error answers {"code", "message", "field"}: the code is stable, the message '
        "is in the same language, the field names the input it belongs to (or is null)."
    ),
    urls_namespace="api-v1",
    # Swagger UI comes from django-ninja's static files ("ninja" is in INSTALLED_APPS), and
    # without the validator badge, which would send the schema's address to swagger.io.
    docs=Swagger(settings={"validatorUrl": None}),
)
api.add_router("/geography", geography_router)
api.add_router("/centers", centers_router)
api.add_router("/programs", programs_router)
install_error_handlers(api)
