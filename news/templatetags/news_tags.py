"""News and events for other apps' templates (home page, region pages), without imports into core.

Each tag runs a fixed number of queries, whatever the number of articles."""

from django import template
from django.utils import timezone

from iurc_portal.core.languages import english_source
from iurc_portal.core.query import section_page
from news.models import EventIndexPage, EventPage, NewsArticlePage, NewsIndexPage
from news.models.news import with_listing_images

register = template.Library()


def _latest_articles(request, limit, **filters):
    articles = with_listing_images(NewsArticlePage.objects.visible(request).filter(**filters))
    articles = articles.select_related("category").order_by("-date", "-pk")
    return list(articles[:limit])


@register.simple_tag(takes_context=True)
def latest_news(context, limit=3):
    """The newest live articles: `{% latest_news 3 as articles %}`."""
    return _latest_articles(context.get("request"), limit)


@register.simple_tag(takes_context=True)
def region_news(context, region, limit=3):
    """The newest live articles about a region page."""
    if region is None or not getattr(region, "pk", None):
        return []
    request = context.get("request")
    return _latest_articles(request, limit, regions=english_source(region, request))


@register.simple_tag(takes_context=True)
def page_news(context, page, limit=3):
    """The newest live articles naming a city or pairing page among their related cities or pairings."""
    from programmes.models import CityPage, PairingPage

    if page is None or not getattr(page, "pk", None):
        return []
    if isinstance(page, CityPage):
        return _latest_articles(context.get("request"), limit, related_cities=page)
    if isinstance(page, PairingPage):
        return _latest_articles(context.get("request"), limit, related_pairings=page)
    return []


@register.simple_tag(takes_context=True)
def upcoming_events(context, limit=3):
    """Events that have not ended yet, soonest first."""

    # Event cards show no image, so none is prefetched.
    events = (
        EventPage.objects.visible(context.get("request"))
        .filter(end__gte=timezone.now())
        .order_by("start", "pk")
    )
    return list(events[:limit])


@register.simple_tag(takes_context=True)
def news_index(context):
    """The live news index page, or None (links to the listing and its feeds)."""
    return section_page(NewsIndexPage, context.get("request"))


@register.simple_tag(takes_context=True)
def event_index(context):
    return section_page(EventIndexPage, context.get("request"))


@register.simple_tag(takes_context=True)
def region_feed_links(context, region):
    """Feeds of one region's news, for a region page's head: `{% region_feed_links page as feed_links %}`."""
    index = section_page(NewsIndexPage, context.get("request"))
    if index is None or region is None:
        return []
    return index.feed_links(region=region)[2:]
