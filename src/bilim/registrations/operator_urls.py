from django.urls import path

from . import operator_views as views

app_name = "operator"

urlpatterns = [
    path("staff/operator/", views.offering_find, name="offering-find"),
    path("staff/operator/offerings/<int:pk>/register/", views.register, name="register"),
    path(
        "staff/operator/registrations/<int:pk>/",
        views.registration_done,
        name="registration-done",
    ),
    path(
        "staff/operator/registrations/<int:pk>/cancel/",
        views.registration_cancel_view,
        name="registration-cancel",
    ),
    path(
        "staff/operator/registrations/<int:pk>/move/",
        views.registration_move_view,
        name="registration-move",
    ),
    path("staff/operator/people/", views.person_find, name="person-find"),
    path("staff/operator/people/<int:pk>/", views.person_detail, name="person-detail"),
]
