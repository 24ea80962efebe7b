"""The HTTP API: assembles the apps' routers under /api/v1/."""

from ninja import NinjaAPI, Swagger

from bilim.centers.api import router as centers_router
from bilim.geography.api import router as geography_router
from bilim.programs.api import router as programs_router

api = NinjaAPI(
    title="Bilim API",
    version="1",
    description=(
        "Public data of the network of Civic and Digital Education Centers. "
        "Names come in the language of the Accept-Language header (ky, ru or en)."
    ),
    urls_namespace="api-v1",
    # Swagger UI comes from django-ninja's static files ("ninja" is in INSTALLED_APPS), and
    # without the validator badge, which would send the schema's address to swagger.io.
    docs=Swagger(settings={"validatorUrl": None}),
)
api.add_router("/geography", geography_router)
api.add_router("/centers", centers_router)
api.add_router("/programs", programs_router)
