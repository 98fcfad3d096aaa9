import datetime

import feedparser
import pytest

from iurc_portal.core.factories import make_site_with_home
from news.factories import NewsArticlePageFactory, NewsCategoryFactory, NewsIndexPageFactory
from programmes.factories import RegionPageFactory
from tests.conftest import shared_rows

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def _articles(django_db_setup, django_db_blocker):
    with shared_rows(django_db_blocker):
        news_index = NewsIndexPageFactory(parent=make_site_with_home())
        china = RegionPageFactory(title="China", slug="china")
        iurc = NewsCategoryFactory(name="News from IURC")
        regional = NewsCategoryFactory(name="News from China", region=china)
        for day in range(25):
            NewsArticlePageFactory(
                parent=news_index,
                title=f"Story {day}",
                slug=f"story-{day}",
                date=datetime.date(2026, 11, 26) - datetime.timedelta(days=day),
                category=iurc if day % 2 else regional,
                regions=[] if day % 2 else [china],
                intro=f"Summary of story {day}.",
            )
        NewsArticlePageFactory(parent=news_index, title="Draft story", live=False)
        yield news_index


@pytest.fixture
def articles(_articles, db):
    """A news index with 25 live articles over 25 days, in two categories, and a draft; made once
    for this module (tests.conftest.shared_rows)."""
    return _articles


@pytest.mark.parametrize(("url", "version"), [("/news/feed/rss/", "rss20"), ("/news/feed/atom/", "atom10")])
def test_feeds_parse_and_list_the_newest_articles_first(client, articles, url, version):
    response = client.get(url)

    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    titles = [entry.title for entry in feed.entries]
    assert titles[:3] == ["Story 0", "Story 1", "Story 2"]
    assert len(titles) == 20 and "Draft story" not in titles
    first = feed.entries[0]
    assert first.link == "http://testserver/news/story-0/"
    assert first.summary == "Summary of story 0."
    assert first.published_parsed[:3] == (2026, 11, 26)


def test_rss_content_type(client, articles):
    assert client.get("/news/feed/rss/")["Content-Type"].startswith("application/rss+xml")
    assert client.get("/news/feed/atom/")["Content-Type"].startswith("application/atom+xml")


def test_category_and_region_feeds(client, articles):
    by_category = feedparser.parse(client.get("/news/feed/rss/?category=news-from-iurc").content)
    by_region = feedparser.parse(client.get("/news/feed/atom/?region=china").content)

    assert [entry.title for entry in by_category.entries][:2] == ["Story 1", "Story 3"]
    assert all(int(entry.title.split()[1]) % 2 == 1 for entry in by_category.entries)
    assert [entry.title for entry in by_region.entries][:2] == ["Story 0", "Story 2"]
    assert "News from IURC" in by_category.feed.title and "China" in by_region.feed.title


def test_unknown_feed_scope_is_a_404(client, articles):
    assert client.get("/news/feed/rss/?category=nope").status_code == 404
    assert client.get("/news/feed/atom/?region=" + "x" * 3000).status_code == 404


@pytest.mark.parametrize("name", ["category", "region"])
@pytest.mark.parametrize("value", ["news\x00", "china\x00", "%00", "x" * 300, "ch ina", "<script>"])
def test_malformed_feed_scope_is_a_clean_404(client, articles, name, value):
    # A NUL byte in a query parameter is a 500 on PostgreSQL if it reaches the database.
    for url in ("/news/feed/rss/", "/news/feed/atom/"):
        assert client.get(url, {name: value}).status_code == 404


def test_overlong_scope_is_not_truncated_into_a_match(client, articles):
    NewsCategoryFactory(name="c" * 100, slug="c" * 100)

    assert client.get("/news/feed/rss/", {"category": "c" * 100}).status_code == 200
    assert client.get("/news/feed/rss/", {"category": "c" * 100 + "zzz"}).status_code == 404


def test_feeds_are_linked_from_the_head(client, articles):
    listing = client.get("/news/?category=news-from-iurc").content.decode()
    head = listing.split("</head>")[0]
    assert '<link rel="alternate" type="application/rss+xml"' in head
    assert 'href="/news/feed/rss/"' in head and 'href="/news/feed/atom/"' in head
    assert 'href="/news/feed/rss/?category=news-from-iurc"' in head

    article_head = client.get("/news/story-0/").content.decode().split("</head>")[0]
    assert 'type="application/rss+xml"' in article_head and 'href="/news/feed/rss/"' in article_head


@pytest.mark.parametrize("url", ["/news/feed/rss/", "/news/feed/atom/"])
def test_markup_typed_by_an_editor_is_shown_as_text_in_feed_readers(client, news_index, url):
    typed = 'Cities <b>meet</b> & "plan" <script>alert(1)</script>'
    NewsArticlePageFactory(parent=news_index, title="Markup", slug="markup", intro=typed)
    feed = feedparser.parse(client.get(url).content)
    # feedparser reads the summary as HTML, as a reader does: the text comes out as typed,
    # with no element in it.
    summary = feed.entries[0].summary
    assert "<b>" not in summary and "<script>" not in summary
    assert "&lt;b&gt;meet&lt;/b&gt;" in summary and "&lt;script&gt;" in summary
