from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("staff/sign-in/", views.SignInView.as_view(), name="login"),
    path("staff/sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("staff/users/", views.user_list_view, name="staff-user-list"),
]
