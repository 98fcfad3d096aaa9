from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "iurc_portal.core"
    label = "core"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from .cache import connect_invalidation_signals
        from .login_guard import connect_signals

        connect_invalidation_signals()
        connect_signals()
