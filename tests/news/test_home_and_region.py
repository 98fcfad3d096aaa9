import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from iurc_portal.core.factories import ImageFactory
from news.factories import EventPageFactory, NewsArticlePageFactory
from programmes.factories import RegionPageFactory

pytestmark = pytest.mark.django_db


def test_home_page_shows_the_three_latest_articles(client, news_index):
    for day in range(5):
        NewsArticlePageFactory(
            parent=news_index,
            title=f"Story {day}",
            date=datetime.date(2026, 11, 20) - datetime.timedelta(days=day),
        )

    html = client.get("/").content.decode()

    assert "Latest news" in html
    assert html.index("Story 0") < html.index("Story 1") < html.index("Story 2")
    assert "Story 3" not in html
    assert 'href="/news/"' in html


def test_home_page_shows_upcoming_events(client, event_index):
    now = timezone.now()
    EventPageFactory(parent=event_index, title="Next week", start=now + datetime.timedelta(days=7))
    EventPageFactory(parent=event_index, title="Last week", start=now - datetime.timedelta(days=7))

    html = client.get("/").content.decode()

    assert "Next week" in html and "Last week" not in html
    assert "No upcoming events" not in html


def test_home_page_has_a_clear_empty_state_for_events(client, event_index):
    EventPageFactory(parent=event_index, title="Last week", start=timezone.now() - datetime.timedelta(days=7))

    html = client.get("/").content.decode()

    assert "No upcoming events at the moment." in html
    assert 'href="/events/#past-events"' in html


def test_home_page_renders_without_news_or_events_sections(client, home_page):
    html = client.get("/").content.decode()

    assert "No news has been published yet." in html
    assert "No upcoming events at the moment." in html


def test_home_page_queries_do_not_grow_with_news(client, news_index, event_index):
    def count():
        client.get("/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/")
        return len(queries)

    NewsArticlePageFactory(parent=news_index, hero_image=ImageFactory())
    EventPageFactory(parent=event_index)
    one = count()
    for _ in range(4):
        NewsArticlePageFactory(parent=news_index, hero_image=ImageFactory())
        EventPageFactory(parent=event_index)

    assert count() == one


def test_region_page_lists_its_latest_news_and_feed(client, news_index):
    china = RegionPageFactory(title="China", slug="china")
    other = RegionPageFactory(title="North America", slug="north-america")
    NewsArticlePageFactory(parent=news_index, title="Chinese cities meet", regions=[china])
    NewsArticlePageFactory(parent=news_index, title="Transatlantic exchange", regions=[other])

    html = client.get(china.url).content.decode()

    assert "Chinese cities meet" in html and "Transatlantic exchange" not in html
    assert 'href="/news/?region=china"' in html
    assert 'href="/news/feed/rss/?region=china"' in html
