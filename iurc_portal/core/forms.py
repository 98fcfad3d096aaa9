"""Admin forms of the core app."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


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
