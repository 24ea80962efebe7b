from django.urls import path

from .views import catalog

app_name = "catalog"

urlpatterns = [
    path("programs/", catalog.program_catalog, name="program-list"),
    path("programs/<slug:code>/", catalog.program_detail, name="program-detail"),
    path("live/", catalog.live_now, name="live-now"),
]
