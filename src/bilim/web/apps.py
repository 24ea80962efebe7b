from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "bilim.web"
    verbose_name = _("Web site")

    def ready(self) -> None:
        from .sqlite import unicode_like

        connection_created.connect(unicode_like, dispatch_uid="bilim-sqlite-unicode-like")
