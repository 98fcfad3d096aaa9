"""RSS 2.0 and Atom feeds of the news, with Django's syndication framework.

One feed class serves all news and one category or region: /news/feed/rss/?category=<slug>
or ?region=<slug>. An unknown slug is a 404, so a mistyped feed address fails visibly."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from .forms import NewsFilterForm
from .models import NewsArticlePage

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def get_object(self, request, *args, **kwargs):
        self.request = request
        # The listing's own filter form reads the scope: the same categories and visible regions,
        # and a malformed value (a NUL character, say) is refused before it reaches the database.
        names = {"category": _("No such news category."), "region": _("No such region.")}
        form = NewsFilterForm({name: request.GET.get(name, "") for name in names}, request=request)
        form.is_valid()
        scope = {name: form.cleaned_data.get(name) for name in names}
        for name, message in names.items():
            if request.GET.get(name) and scope[name] is None:
                raise Http404(message)
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

    def intro_text(self, scope):
        return self.index_page.intro or _(
            "News from the International Urban and Regional Cooperation programme."
        )

    def items(self, scope):
        articles = NewsArticlePage.objects.visible(self.request).under(self.index_page, self.request)
        if scope["category"]:
            articles = articles.filter(category=scope["category"])
        if scope["region"]:
            articles = articles.filter(regions__translation_key=scope["region"].translation_key)
        return list(articles.select_related("category").order_by("-date", "-pk")[:FEED_LENGTH])

    def item_title(self, item):
        return item.title

    # Feed readers show descriptions and summaries as HTML. Editors type them as plain text, so
    # they are escaped once more than XML needs: whatever was typed is shown as typed, and markup
    # never becomes live HTML in a reader.
    def description(self, scope):
        return escape(self.intro_text(scope))

    def item_description(self, item):
        return escape(item.get_listing_summary())

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
    # Atom's subtitle is a text construct (no HTML), so it is not escaped again.
    subtitle = NewsRssFeed.intro_text
