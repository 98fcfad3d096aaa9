from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = "Programmes"
    default_auto_field = "django.db.models.BigAutoField"
