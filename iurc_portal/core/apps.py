from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "iurc_portal.core"
    label = "core"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.models import Locale

        from .cache import connect_invalidation_signals
        from .languages import forget_locales
        from .login_guard import connect_signals

        connect_invalidation_signals()
        connect_signals()
        post_migrate.connect(ensure_locales, sender=self)
        # The Locale ids kept in process (core.languages) are read again after any change; after
        # a migrate or a flush too, which bulk-creates them (ensure_locales runs first).
        post_migrate.connect(forget_locales, sender=self)
        post_save.connect(forget_locales, sender=Locale)
        post_delete.connect(forget_locales, sender=Locale)


def ensure_locales(**kwargs):
    """A Locale row for every configured content language, so editors can translate into each
    from the start (Wagtail's own migration makes only the default one)."""
    from wagtail.models import Locale

    using = kwargs.get("using", "default")
    existing = set(Locale.objects.using(using).values_list("language_code", flat=True))
    Locale.objects.using(using).bulk_create(
        Locale(language_code=code)
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code not in existing
    )
