from django.urls import path

from . import views

app_name = "centers"

urlpatterns = [
    path("staff/centers/", views.center_list, name="staff-center-list"),
    path("staff/centers/<slug:code>/", views.center_detail, name="staff-center-detail"),
]
