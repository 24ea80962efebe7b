from django.urls import path

from . import pdf, views

app_name = "attendance"

urlpatterns = [
    path("staff/check-in/", views.today, name="today"),
    path("staff/sessions/<int:pk>/roster/", views.roster_view, name="roster"),
    path("staff/sessions/<int:pk>/roster.pdf", pdf.roster_pdf, name="roster-pdf"),
    path("staff/sessions/<int:pk>/roster/code/", views.checkin_code, name="checkin-code"),
    path(
        "staff/sessions/<int:pk>/roster/<int:registration_pk>/check-in/",
        views.checkin_mark,
        name="checkin-mark",
    ),
    path(
        "staff/sessions/<int:pk>/roster/<int:registration_pk>/undo/",
        views.checkin_undo,
        name="checkin-undo",
    ),
    path("staff/sessions/<int:pk>/walk-in/", views.walk_in, name="walk-in"),
    path("staff/sessions/<int:pk>/attendance/", views.attendance_afterwards, name="afterwards"),
]
