from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("staff/messages/", views.message_trouble_list, name="trouble-list"),
    path("staff/messages/<int:pk>/send-again/", views.message_send_again, name="send-again"),
]
