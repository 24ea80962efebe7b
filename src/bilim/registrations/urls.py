from django.urls import path

from . import views

app_name = "registrations"

urlpatterns = [
    path("offerings/<int:pk>/register/", views.sign_up, name="sign-up"),
    path("my/<str:token>/", views.mine, name="mine"),
    path("my/<str:token>/cancel/", views.mine_cancel, name="mine-cancel"),
    path("my/<str:token>/accept/", views.mine_accept, name="mine-accept"),
]
