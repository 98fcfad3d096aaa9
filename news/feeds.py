"""RSS 2.0 and Atom feeds of the news, with Django's syndication framework.

One feed class serves all news and one category or region: /news/feed/rss/?category=<slug>
or ?region=<slug>. An unknown slug is a 404, so a mistyped feed address fails visibly."""

import re

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from programmes.models import RegionPage

from .models import NewsArticlePage, NewsCategory

FEED_LENGTH = 20
# What a Wagtail or category slug can be; anything else cannot match, so it never reaches the
# database (PostgreSQL rejects NUL characters in query parameters with an error).
SLUG_RE = re.compile(r"[-\w]+\Z")


def scope_slug(request, name, max_length, message):
    """The `name` query-string value if it could be a slug, or a 404; "" when not given."""
    value = request.GET.get(name, "")
    if value and (len(value) > max_length or not SLUG_RE.match(value)):
        raise Http404(message)
    return value


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        no_category, no_region = _("No such news category."), _("No such region.")
        category_slug = scope_slug(request, "category", 100, no_category)
        region_slug = scope_slug(request, "region", 255, no_region)
        scope = {"category": None, "region": None}
        if category_slug:
            scope["category"] = NewsCategory.objects.filter(slug=category_slug).first()
            if scope["category"] is None:
                raise Http404(no_category)
        if region_slug:
            scope["region"] = RegionPage.objects.live().public().filter(slug=region_slug).first()
            if scope["region"] is None:
                raise Http404(no_region)
        return scope

    def title(self, scope):
        site = self.index_page.get_site()
        site_name = site.site_name if site else ""
        parts = [self.index_page.title]
        if scope["category"]:
            parts.append(scope["category"].name)
        if scope["region"]:
            parts.append(scope["region"].title)
        return f"{' – '.join(parts)} | {site_name or 'IURC'}"

    def link(self, scope):
        url = self.index_page.get_full_url(self.request)
        if scope["category"]:
            return f"{url}?category={scope['category'].slug}"
        if scope["region"]:
            return f"{url}?region={scope['region'].slug}"
        return url

    def description(self, scope):
        return self.index_page.intro or _(
            "News from the International Urban and Regional Cooperation programme."
        )

    def items(self, scope):
        articles = NewsArticlePage.objects.live().public().descendant_of(self.index_page)
        if scope["category"]:
            articles = articles.filter(category=scope["category"])
        if scope["region"]:
            articles = articles.filter(regions=scope["region"])
        return list(articles.select_related("category").order_by("-date", "-pk")[:FEED_LENGTH])

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.get_listing_summary()

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.published_datetime

    def item_updateddate(self, item):
        return item.last_published_at or item.published_datetime

    def item_author_name(self, item):
        return item.author or None

    def item_categories(self, item):
        return [item.category.name] if item.category else []


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
