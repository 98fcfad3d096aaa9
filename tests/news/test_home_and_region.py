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


def test_region_page_head_links_its_news_feed(client, news_index):
    china = RegionPageFactory(title="China", slug="china")

    head = client.get(china.url).content.decode().split("</head>")[0]

    assert '<link rel="alternate" type="application/rss+xml"' in head
    assert 'href="/news/feed/rss/?region=china"' in head


def test_city_and_pairing_pages_show_their_latest_news(client, news_index):
    from programmes.factories import CityPageFactory, PairingPageFactory

    busan = CityPageFactory(title="Busan", slug="busan")
    rotterdam = CityPageFactory(title="Rotterdam", slug="rotterdam")
    pairing = PairingPageFactory(title="Rotterdam – Busan", members=[(rotterdam, "eu"), (busan, "partner")])
    for day in range(4):
        NewsArticlePageFactory(
            parent=news_index,
            title=f"Busan story {day}",
            date=datetime.date(2026, 11, 20) - datetime.timedelta(days=day),
            related_cities=[busan],
        )
    NewsArticlePageFactory(parent=news_index, title="Pairing story", related_pairings=[pairing])
    NewsArticlePageFactory(parent=news_index, title="Draft story", related_cities=[busan], live=False)

    city_html = client.get(busan.url).content.decode()
    pairing_html = client.get(pairing.url).content.decode()
    other_html = client.get(rotterdam.url).content.decode()

    assert "News about Busan" in city_html
    assert (
        city_html.index("Busan story 0") < city_html.index("Busan story 1") < city_html.index("Busan story 2")
    )
    assert "Busan story 3" not in city_html and "Draft story" not in city_html
    assert "Pairing story" in pairing_html and "Busan story" not in pairing_html
    assert "News about" not in other_html


def test_city_page_news_costs_the_same_queries_for_1_and_3_articles(client, news_index):
    from programmes.factories import CityPageFactory

    busan = CityPageFactory(title="Busan", slug="busan")

    def count():
        client.get(busan.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(busan.url)
        return len(queries)

    NewsArticlePageFactory(
        parent=news_index, title="Busan story 0", related_cities=[busan], hero_image=ImageFactory()
    )
    one = count()
    for number in (1, 2):
        NewsArticlePageFactory(
            parent=news_index,
            title=f"Busan story {number}",
            related_cities=[busan],
            hero_image=ImageFactory(),
        )

    assert count() == one
    html = client.get(busan.url).content.decode()
    assert all(f"Busan story {number}" in html for number in range(3))  # the count covered three cards
