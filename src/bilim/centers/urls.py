from django.urls import path

from .views import public, staff, transfer

app_name = "centers"

urlpatterns = [
    path("centers/", public.centers_public, name="public-list"),
    path("centers/nearest/", public.centers_nearest_view, name="public-nearest"),
    path("centers/<slug:code>/", public.center_public, name="public-detail"),
    path("staff/centers/", staff.center_list, name="staff-center-list"),
    path("staff/centers/new/", staff.center_create_view, name="staff-center-create"),
    path("staff/centers/export.<str:fmt>", transfer.centers_export, name="staff-center-export"),
    path("staff/centers/import/", transfer.centers_import, name="staff-center-import"),
    path("staff/centers/<slug:code>/", staff.center_detail, name="staff-center-detail"),
    path("staff/centers/<slug:code>/edit/", staff.center_edit, name="staff-center-edit"),
    path("staff/centers/<slug:code>/status/", staff.center_status, name="staff-center-status"),
    path("staff/centers/<slug:code>/rooms/new/", staff.room_edit, name="staff-room-create"),
    path("staff/centers/<slug:code>/rooms/<int:room_id>/", staff.room_edit, name="staff-room-edit"),
    path(
        "staff/centers/<slug:code>/rooms/<int:room_id>/remove/",
        staff.room_remove,
        name="staff-room-remove",
    ),
    path("staff/centers/<slug:code>/hours/", staff.hours_edit, name="staff-center-hours"),
    path("staff/centers/<slug:code>/exceptions/", staff.exception_add, name="staff-exception-add"),
    path(
        "staff/centers/<slug:code>/exceptions/<int:exception_id>/remove/",
        staff.exception_remove,
        name="staff-exception-remove",
    ),
    path("staff/centers/<slug:code>/staff/", staff.staff_assign, name="staff-staff-assign"),
    path(
        "staff/centers/<slug:code>/staff/<int:assignment_id>/remove/",
        staff.staff_remove,
        name="staff-staff-remove",
    ),
]
