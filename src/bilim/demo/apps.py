from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo network: synthetic data for trying Bilim out, loaded by `load_demo`."""

    name = "bilim.demo"
    verbose_name = "Demo network"
