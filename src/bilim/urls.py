from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from bilim.api.api import api
from bilim.registrations.short_links import short_link_open
from bilim.web.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/", api.urls),
    # The short link in SMS: no language prefix, every character counts there.
    path("m/<str:code>", short_link_open, name="short-link"),
]
urlpatterns += i18n_patterns(
    path("", include("bilim.web.urls")),
    path("", include("bilim.accounts.urls")),
    path("", include("bilim.centers.urls")),
    path("", include("bilim.partners.urls")),
    path("", include("bilim.scheduling.catalog_urls")),
    # Before programs: it holds pages under staff/programs/ that programs' <slug> would catch.
    path("", include("bilim.scheduling.urls")),
    path("", include("bilim.programs.urls")),
    path("", include("bilim.scheduling.booking_urls")),
    path("", include("bilim.notifications.urls")),
    path("", include("bilim.registrations.urls")),
    path("", include("bilim.registrations.operator_urls")),
    path("", include("bilim.attendance.urls")),
    path("", include("bilim.certificates.urls")),
    path("", include("bilim.helpdesk.urls")),
    path("", include("bilim.walkins.urls")),
    path("", include("bilim.guides.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
