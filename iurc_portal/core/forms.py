"""Admin forms of the core app."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.images.forms import BaseImageForm
from wagtail.models import Locale


class CustomImageForm(BaseImageForm):
    """Every image form of the admin (upload, multiple upload, chooser upload, edit) asks for the
    licence: the public site shows it with the image. The column stays blank-able so that images
    made in code (demo content, tests) and those uploaded before this rule still load."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "licence" in self.fields:
            self.fields["licence"].required = True
            self.fields["licence"].help_text = _(
                "Required. Under which terms the image may be shown; ask its owner when unsure."
            )


class SiteTextForm(WagtailAdminModelForm):
    """One header and footer text per language, the others translations of the English one (so
    wagtail-localize can sync them): a second text, or a new one in another language, is refused
    with a message instead of failing on the database's constraint."""

    def clean(self):
        cleaned = super().clean()
        instance = self.instance
        english = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
        if instance.pk is None and english is not None and instance.locale_id != english.pk:
            raise ValidationError(
                _("Write the English text first, then translate it (“Translate” in its menu).")
            )
        if instance.locale_id is not None:
            others = type(instance).objects.filter(locale_id=instance.locale_id).exclude(pk=instance.pk)
            if others.exists():
                raise ValidationError(
                    _("This language has its header and footer text already: edit that one instead.")
                )
        return cleaned
