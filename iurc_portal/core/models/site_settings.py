from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, RevisionMixin, TranslatableMixin

from ..blocks import LinkBlock
from ..languages import locale_code

SOCIAL_PLATFORMS = [
    ("linkedin", "LinkedIn"),
    ("x", "X"),
    ("facebook", "Facebook"),
    ("youtube", "YouTube"),
    ("instagram", "Instagram"),
    ("mastodon", "Mastodon"),
    ("bluesky", "Bluesky"),
]


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(choices=SOCIAL_PLATFORMS, label=_("Platform"))
    url = blocks.URLBlock(label=_("Profile address"))

    class Meta:
        icon = "site"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """What every page shows the same way in every language, editable without a deployment.

    The words (organisation name, funding statement, footer links) are a translatable snippet,
    SiteText, so that editors translate them as they translate pages."""

    short_name = models.CharField(_("short name"), max_length=40, default="IURC")
    contact_email = models.EmailField(_("contact email"), blank=True)
    social_links = StreamField([("social", SocialLinkBlock())], blank=True, verbose_name=_("social media"))
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy notice page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("short_name"), FieldPanel("contact_email")],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Legal pages"),
        ),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("site settings")


class SiteText(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """The words of the header and footer, one set per language.

    Editors translate it like a page (wagtail-localize, PO files for agencies); a draft is
    published by someone with the publish permission (the Moderators). A language without its
    own published text shows the English one."""

    organisation_name = models.CharField(
        _("organisation name"), max_length=160, default="International Urban and Regional Cooperation"
    )
    funding_statement = models.TextField(
        _("funding statement"),
        blank=True,
        help_text=_("Shown in the footer, e.g. who finances and implements the programme."),
    )
    footer_links = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("footer links"),
        help_text=_("Legal pages and other links at the foot of every page."),
    )
    programme_websites = StreamField(
        [("link", LinkBlock())],
        blank=True,
        verbose_name=_("programme websites"),
        help_text=_("Other websites of the programme, e.g. the Phase I sites."),
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("header and footer text")
        verbose_name_plural = _("header and footer text")
        constraints = [models.UniqueConstraint(fields=["locale"], name="one_site_text_per_language")]

    def __str__(self):
        return self.organisation_name

    @property
    def language(self):
        """The language the words are in (`lang` where it differs from the page's)."""
        return locale_code(self.locale_id)

    def footer_link_items(self):
        """The footer links that lead somewhere (LinkValue: a page that is not live gives none)."""
        return [block.value for block in self.footer_links if block.value.leads_somewhere]

    def programme_website_items(self):
        return [block.value for block in self.programme_websites if block.value.leads_somewhere]
