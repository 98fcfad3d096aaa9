"""The sitemap: every published page in every language it is translated into.

Wagtail's own sitemap lists the site's English tree; here the translated trees are listed too
(aliases, which repeat the English content, are left out), and each page names its translations
as hreflang alternates (BasePage.get_sitemap_urls)."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PortalSitemap(Sitemap):
    def items(self):
        roots = Page.objects.filter(translation_key=self.get_wagtail_site().root_page.translation_key)
        in_any_tree = Q()
        for path in roots.values_list("path", flat=True):
            in_any_tree |= Q(path__startswith=path)
        return (
            Page.objects.filter(in_any_tree, alias_of__isnull=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
