from django.urls import path

from .views import public

app_name = "catalog"

urlpatterns = [
    path("programs/", public.program_catalog, name="program-list"),
    path("programs/<slug:code>/", public.program_detail, name="program-detail"),
    path("live/", public.live_now, name="live-now"),
]
