from django.urls import path

from . import views

app_name = "registrations"

urlpatterns = [
    path("offerings/<int:pk>/register/", views.sign_up, name="sign-up"),
    # Fixed addresses before "my/<token>/", which would take them for a token.
    path("my/", views.my_registrations, name="my"),
    path("my/code/", views.my_code, name="my-code"),
    path("my/details/<int:pk>/", views.my_details, name="my-details"),
    path("my/sign-out/", views.my_sign_out, name="my-sign-out"),
    path("my/<str:token>/", views.mine, name="mine"),
    path("my/<str:token>/qr.png", views.mine_qr, name="mine-qr"),
    path("my/<str:token>/calendar.ics", views.mine_calendar, name="mine-calendar"),
    path("my/<str:token>/cancel/", views.mine_cancel, name="mine-cancel"),
    path("my/<str:token>/accept/", views.mine_accept, name="mine-accept"),
]
