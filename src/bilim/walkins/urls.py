from django.urls import URLPattern

app_name = "walkins"

urlpatterns: list[URLPattern] = []
