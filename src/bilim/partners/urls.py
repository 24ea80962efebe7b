app_name = "partners"

urlpatterns: list = []  # type: ignore[type-arg]
