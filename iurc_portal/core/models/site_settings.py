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

    LINK_FIELDS = ("footer_links", "programme_websites")

    def _links(self, field_name):
        """[{url, label, external}] for a StreamField of LinkBlocks. Resolved once per instance:
        for_request() resolves them before caching the settings, so a page view reads them with
        the settings themselves."""
        resolved = self.__dict__.get("_resolved_links")
        if resolved is None:
            resolved = self._resolved_links = {name: self._resolve_links(name) for name in self.LINK_FIELDS}
        return resolved[field_name]

    def _resolve_links(self, field_name):
        from django.utils.translation import gettext

        links = []
        for block in getattr(self, field_name):
            page, url, label = block.value.get("page"), block.value.get("url"), block.value.get("label")
            if page is not None and page.live:
                links.append({"url": page.get_url(), "label": label or page.title, "external": False})
            elif url:
                links.append({"url": url, "label": label or gettext("Visit website"), "external": True})
        return links

    def footer_link_items(self):
        return self._links("footer_links")

    def programme_website_items(self):
        return self._links("programme_websites")

    @classmethod
    def for_request(cls, request):
        # Every page's header and footer read these; keep them in the cache until they (or
        # anything published) change, instead of a query per page view. The admin edits
        # through for_site(), which is not cached.
        attr_name = cls.get_cache_attr_name()
        if not hasattr(request, attr_name):
            from wagtail.models import Site

            from ..cache import generation_cached

            site = Site.find_for_request(request)
            if site is None:
                return super().for_request(request)

            def load():
                loaded = cls.for_site(site)
                loaded._links("footer_links")  # resolve the footer links into the cached copy
                return loaded

            site_settings = generation_cached(f"site-settings:2:{site.pk}", load)
            site_settings._request = request  # as Wagtail's own for_request does
            setattr(request, attr_name, site_settings)
        return getattr(request, attr_name)
