from django.urls import URLPattern

app_name = "operator"

urlpatterns: list[URLPattern] = []
