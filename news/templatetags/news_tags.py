"""News and events for other apps' templates (home page, region pages), without imports into core.

Each tag runs a fixed number of queries, whatever the number of articles."""

from django import template
from django.utils import timezone

from news.models import EventIndexPage, EventPage, NewsArticlePage, NewsIndexPage
from news.models.news import with_listing_images

register = template.Library()


def _latest_articles(limit, **filters):
    articles = NewsArticlePage.objects.live().public().filter(**filters).select_related("category")
    return list(with_listing_images(articles).order_by("-date", "-pk")[:limit])


@register.simple_tag
def latest_news(limit=3):
    """The newest live articles: `{% latest_news 3 as articles %}`."""
    return _latest_articles(limit)


@register.simple_tag
def region_news(region, limit=3):
    """The newest live articles about a region page."""
    if region is None or not getattr(region, "pk", None):
        return []
    return _latest_articles(limit, regions=region)


@register.simple_tag
def page_news(page, limit=3):
    """The newest live articles naming a city or pairing page among their related cities or pairings."""
    from programmes.models import CityPage, PairingPage

    if page is None or not getattr(page, "pk", None):
        return []
    if isinstance(page, CityPage):
        return _latest_articles(limit, related_cities=page)
    if isinstance(page, PairingPage):
        return _latest_articles(limit, related_pairings=page)
    return []


@register.simple_tag
def upcoming_events(limit=3):
    """Events that have not ended yet, soonest first."""
    # Event cards show no image, so none is prefetched.
    events = EventPage.objects.live().public().filter(end__gte=timezone.now()).order_by("start", "pk")
    return list(events[:limit])


@register.simple_tag
def news_index():
    """The live news index page, or None (links to the listing and its feeds)."""
    return NewsIndexPage.objects.live().public().first()


@register.simple_tag
def event_index():
    return EventIndexPage.objects.live().public().first()


@register.simple_tag
def region_feed_links(region):
    """Feeds of one region's news, for a region page's head: `{% region_feed_links page as feed_links %}`."""
    index = NewsIndexPage.objects.live().public().first()
    if index is None or region is None:
        return []
    return index.feed_links(region=region)[2:]
