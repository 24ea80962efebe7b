from django.urls import path

from . import views

app_name = "guides"

urlpatterns = [
    path("guides/", views.public_list, name="public-list"),
    path("guides/<slug:slug>/", views.public_detail, name="public-detail"),
    path("staff/guides/", views.staff_list, name="staff-guide-list"),
    path("staff/guides/new/", views.staff_create, name="staff-guide-create"),
    path("staff/guides/for-service/", views.desk_guides, name="staff-desk-guides"),
    path("staff/guides/<slug:slug>/", views.staff_detail, name="staff-guide-detail"),
    path("staff/guides/<slug:slug>/edit/", views.staff_edit, name="staff-guide-edit"),
    path(
        "staff/guides/<slug:slug>/unpublish/", views.staff_unpublish, name="staff-guide-unpublish"
    ),
]
