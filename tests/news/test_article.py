import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iurc_portal.core.factories import ImageFactory
from news.factories import NewsArticlePageFactory, NewsCategoryFactory
from news.text import reading_minutes, stream_text, word_count
from programmes.factories import CityPageFactory, RegionPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


def words(count):
    return " ".join(["word"] * count)


def test_article_page_shows_date_byline_intro_and_hero_with_credit(client, news_index):
    image = ImageFactory(
        credit="© City of Bratislava", licence="CC-BY-4.0", description="Delegates around a table"
    )
    category = NewsCategoryFactory(name="News from IURC")
    NewsArticlePageFactory(
        parent=news_index,
        title="Cities meet in Brussels",
        slug="cities-meet",
        date=datetime.date(2026, 10, 14),
        author="IURC team",
        intro="Delegations compared their action plans.",
        hero_image=image,
        category=category,
        body=[("paragraph", "<p>The full story.</p>")],
    )

    response = client.get("/news/cities-meet/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1 and "Cities meet in Brussels" in html
    assert '<time datetime="2026-10-14">14 October 2026</time>' in html
    assert "By IURC team" in html
    assert "Delegations compared their action plans." in html
    assert 'alt="Delegates around a table"' in html  # the image's own description
    assert "© City of Bratislava" in html and "CC BY 4.0" in html
    assert "The full story." in html
    assert 'href="/news/?category=news-from-iurc"' in html


def test_reading_time_counts_the_words_of_intro_and_body(client, news_index):
    article = NewsArticlePageFactory(
        parent=news_index,
        slug="long-read",
        intro=words(20),
        body=[
            ("heading", {"text": "Two words", "level": "h2"}),
            ("paragraph", f"<p>{words(600)}</p><ul><li>{words(58)}</li></ul>"),
            ("quote", {"quote": words(100), "attribution": "Someone", "role": ""}),
        ],
    )
    # 20 + 2 + 600 + 58 + 100 + 1 = 781 words at 220 a minute: 3.55, rounded up.
    assert article.reading_time == 4
    assert "4 minutes read" in client.get("/news/long-read/").content.decode()


def test_reading_time_helpers():
    assert reading_minutes(0) == 1
    assert reading_minutes(220) == 1
    assert reading_minutes(221) == 2
    assert word_count("a b", "", None, "c") == 3
    raw = [{"type": "paragraph", "value": "<p>One <b>two</b></p>", "id": "x"}]
    assert stream_text(raw).split() == ["One", "two"]


def test_related_articles_share_category_region_or_theme_and_exclude_itself(client, news_index):
    asia = RegionPageFactory(title="Asia", slug="asia")
    theme = ThemeFactory(name="Mobility", slug="mobility")
    category = NewsCategoryFactory(name="News from IURC")
    other_category = NewsCategoryFactory(name="Other")
    article = NewsArticlePageFactory(
        parent=news_index, slug="main", category=category, regions=[asia], themes=[theme]
    )
    NewsArticlePageFactory(parent=news_index, title="Same category", category=category)
    NewsArticlePageFactory(parent=news_index, title="Same region", category=other_category, regions=[asia])
    NewsArticlePageFactory(
        parent=news_index,
        title="Same theme and region",
        category=other_category,
        regions=[asia],
        themes=[theme],
    )
    NewsArticlePageFactory(parent=news_index, title="Unrelated", category=other_category)

    related = [page.title for page in article.related_articles(limit=10)]

    assert sorted(related) == ["Same category", "Same region", "Same theme and region"]
    html = client.get("/news/main/").content.decode()
    assert "Related news" in html and "Unrelated" not in html


def test_article_links_its_regions_themes_and_cities(client, news_index):
    asia = RegionPageFactory(title="Asia and Australasia", slug="asia")
    theme = ThemeFactory(name="Circular economy", slug="circular-economy")
    city = CityPageFactory(title="Bratislava", slug="bratislava")
    article = NewsArticlePageFactory(parent=news_index, slug="linked", regions=[asia], themes=[theme])
    article.related_cities.set([city])
    article.save()

    html = client.get("/news/linked/").content.decode()

    assert 'href="/news/?region=asia"' in html
    assert 'href="/news/?theme=circular-economy"' in html
    assert 'href="/cities/bratislava/"' in html


def test_article_hides_private_and_unpublished_related_pages(client, news_index):
    from wagtail.models import PageViewRestriction

    asia = RegionPageFactory(title="Asia", slug="asia")
    secret = RegionPageFactory(title="Secret region", slug="secret-region")
    public = CityPageFactory(title="Bratislava", slug="bratislava")
    private = CityPageFactory(title="Hidden city", slug="hidden-city")
    draft = CityPageFactory(title="Draft city", slug="draft-city", live=False)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    PageViewRestriction.objects.create(page=secret, restriction_type="login")
    NewsArticlePageFactory(
        parent=news_index, slug="linked", regions=[asia, secret], related_cities=[public, private, draft]
    )

    html = client.get("/news/linked/").content.decode()

    assert 'href="/cities/bratislava/"' in html and 'href="/news/?region=asia"' in html
    assert "Hidden city" not in html and "Draft city" not in html and "Secret region" not in html


def test_article_page_queries_do_not_grow_with_related_articles(client, news_index):
    category = NewsCategoryFactory(name="News from IURC")
    NewsArticlePageFactory(parent=news_index, slug="main", category=category)

    def count():
        client.get("/news/main/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/news/main/")
        return len(queries)

    NewsArticlePageFactory(parent=news_index, category=category, hero_image=ImageFactory())
    one = count()
    for _ in range(4):
        NewsArticlePageFactory(parent=news_index, category=category, hero_image=ImageFactory())
    three = count()

    assert one == three


def test_cards_show_the_image_without_a_credit_line_and_the_page_credits_it(client, news_index):
    hero = ImageFactory(credit="© City of Busan", licence="CC-BY-4.0")
    preview = ImageFactory(credit="© Jane Doe", licence="CC-BY-SA-4.0")
    article = NewsArticlePageFactory(parent=news_index, title="Harbour talks", hero_image=hero)
    other = NewsArticlePageFactory(
        parent=news_index, title="Port visit", hero_image=hero, listing_image=preview
    )

    listing = client.get(news_index.url).content.decode()
    assert listing.count('class="card__media"') == 2
    assert "City of Busan" not in listing and "Jane Doe" not in listing  # no credit under the cards

    page = client.get(article.url).content.decode()
    assert page.count("© City of Busan") == 1 and "preview image" not in page  # the hero is credited
    page = client.get(other.url).content.decode()
    assert "© City of Busan" in page  # the hero
    # The image the cards show, credited at the end of the page.
    assert re.search(r"Image: © Jane Doe · <a [^>]*>CC BY-SA 4.0</a>\s*\(preview image\)", page)
