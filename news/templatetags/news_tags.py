"""News and events for other apps' templates (home page, region pages), without imports into core.

Each tag runs a fixed number of queries, whatever the number of articles."""

from django import template
from django.db.models import prefetch_related_objects
from django.utils import timezone

from iurc_portal.core.cache import generation_cached
from iurc_portal.core.query import section_page
from news.models import EventIndexPage, EventPage, NewsArticlePage, NewsIndexPage

register = template.Library()


def _latest_articles(limit, **filters):
    def load():
        articles = NewsArticlePage.objects.live().public().filter(**filters)
        articles = articles.select_related("category", "listing_image", "hero_image")
        return list(articles.order_by("-date", "-pk")[:limit])

    # The same few cards on many page views; they change only when something is published.
    key = ":".join(f"{name}={getattr(value, 'pk', value)}" for name, value in sorted(filters.items()))
    articles = generation_cached(f"news:latest:{limit}:{key}", load)
    # Renditions are made when a card is first shown, so they are fetched fresh: one query.
    prefetch_related_objects(
        [image for a in articles for image in (a.listing_image, a.hero_image) if image], "renditions"
    )
    return articles


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
    def load():
        events = EventPage.objects.live().public().filter(end__gte=timezone.now()).order_by("start", "pk")
        return list(events[:limit])

    # Events move from upcoming to past as time passes, not only on publish: a minute at most.
    return generation_cached(f"news:upcoming-events:{limit}", load, timeout=60)


@register.simple_tag
def news_index():
    """The live news index page, or None (links to the listing and its feeds)."""
    return section_page(NewsIndexPage)


@register.simple_tag
def event_index():
    return section_page(EventIndexPage)


@register.simple_tag
def region_feed_links(region):
    """Feeds of one region's news, for a region page's head: `{% region_feed_links page as feed_links %}`."""
    index = section_page(NewsIndexPage)
    if index is None or region is None:
        return []
    return index.feed_links(region=region)[2:]
