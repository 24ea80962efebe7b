from django.urls import path

from . import figures_views, views

app_name = "helpdesk"

urlpatterns = [
    path("staff/helpdesk/", views.consultation_log, name="consultation-log"),
    path("staff/helpdesk/<int:pk>/edit/", views.consultation_edit, name="consultation-edit"),
    path("staff/helpdesk/<int:pk>/delete/", views.consultation_delete, name="consultation-delete"),
    path("staff/helpdesk/figures/", figures_views.figures, name="figures"),
    path("staff/helpdesk/figures/csv/", figures_views.figures_csv, name="figures-csv"),
]
