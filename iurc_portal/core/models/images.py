from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class Licence(models.TextChoices):
    CC_BY = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC0 = "CC0-1.0", "CC0 1.0"
    PUBLIC_DOMAIN = "public-domain", _("Public domain")
    EU_REUSE = "eu-reuse", _("© European Union, reuse authorised")
    ALL_RIGHTS = "all-rights-reserved", _("All rights reserved, used with permission")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
    Licence.EU_REUSE: "https://commission.europa.eu/legal-notice_en",
}


class CustomImage(AbstractImage):
    """Every image carries who made it and under which licence, shown wherever it is used."""

    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or owner, e.g. “© City of Rotterdam / Jan Jansen”."),
    )
    licence = models.CharField(_("licence"), max_length=32, choices=Licence.choices, blank=True, default="")
    source_url = models.URLField(_("source"), blank=True, help_text=_("Where the image comes from."))

    admin_form_fields = Image.admin_form_fields + ("credit", "licence", "source_url")

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    @property
    def attribution(self):
        """One line such as “© Jane Doe · CC BY 4.0”, empty when nothing is known."""
        parts = [self.credit] if self.credit else []
        if self.licence:
            parts.append(self.get_licence_display())
        return " · ".join(str(p) for p in parts)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
