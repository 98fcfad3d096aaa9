from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField

from ..blocks import LinkBlock

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
    """What the header and footer show on every page, editable without a deployment."""

    organisation_name = models.CharField(
        _("organisation name"), max_length=160, default="International Urban and Regional Cooperation"
    )
    short_name = models.CharField(_("short name"), max_length=40, default="IURC")
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
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
            [
                FieldPanel("organisation_name"),
                FieldPanel("short_name"),
                FieldPanel("tagline"),
                FieldPanel("contact_email"),
                FieldPanel("funding_statement"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Legal pages"),
        ),
        FieldPanel("footer_links"),
        FieldPanel("programme_websites"),
        FieldPanel("social_links"),
    ]

    class Meta:
        verbose_name = _("site settings")

    def footer_link_items(self):
        """The footer links that lead somewhere (LinkValue: a page that is not live gives none)."""
        return [block.value for block in self.footer_links if block.value.leads_somewhere]

    def programme_website_items(self):
        return [block.value for block in self.programme_websites if block.value.leads_somewhere]
