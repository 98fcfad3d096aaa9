from django.apps import AppConfig


class ProgrammesConfig(AppConfig):
    name = "programmes"
    verbose_name = "Programmes"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save
        from wagtail.documents import get_document_model

        from .tasks import queue_text_extraction

        post_save.connect(
            queue_text_extraction, sender=get_document_model(), dispatch_uid="programmes-document-text"
        )
