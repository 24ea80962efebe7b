from django.urls import path

from . import views

app_name = "helpdesk"

urlpatterns = [
    path("staff/helpdesk/", views.consultation_log, name="consultation-log"),
]
