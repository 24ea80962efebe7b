from django.urls import path

from . import views_bookings as views

app_name = "bookings"

urlpatterns = [
    path("centers/<slug:code>/book/", views.booking_request_view, name="request"),
    path("centers/<slug:code>/book/thanks/", views.booking_request_thanks, name="request-thanks"),
    path("staff/bookings/", views.booking_list_view, name="staff-booking-list"),
    path("staff/bookings/<int:pk>/", views.booking_detail, name="staff-booking-detail"),
    path(
        "staff/bookings/<int:pk>/approve/",
        views.booking_approve_view,
        name="staff-booking-approve",
    ),
    path(
        "staff/bookings/<int:pk>/decline/",
        views.booking_decline_view,
        name="staff-booking-decline",
    ),
    path(
        "staff/bookings/<int:pk>/check-in/",
        views.booking_check_in_view,
        name="staff-booking-check-in",
    ),
]
