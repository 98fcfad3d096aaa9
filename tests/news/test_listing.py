import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from iurc_portal.core.factories import ImageFactory
from news.factories import NewsArticlePageFactory, NewsCategoryFactory
from programmes.factories import RegionPageFactory, ThemeFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 26)


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


def titles(response):
    return [article.title for article in response.context["page_obj"].object_list]


def test_newest_first(client, news_index):
    NewsArticlePageFactory(parent=news_index, title="Middle", date=days_ago(10))
    NewsArticlePageFactory(parent=news_index, title="Newest", date=days_ago(1))
    NewsArticlePageFactory(parent=news_index, title="Oldest", date=days_ago(100))

    response = client.get("/news/")

    assert response.status_code == 200
    assert titles(response) == ["Newest", "Middle", "Oldest"]
    html = response.content.decode()
    assert html.index("Newest") < html.index("Middle") < html.index("Oldest")


def test_drafts_and_private_articles_are_not_listed(client, news_index):
    from wagtail.models import PageViewRestriction

    NewsArticlePageFactory(parent=news_index, title="Public")
    NewsArticlePageFactory(parent=news_index, title="Draft", live=False)
    private = NewsArticlePageFactory(parent=news_index, title="Members only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert titles(client.get("/news/")) == ["Public"]


def test_pagination(client, news_index):
    for day in range(30):
        NewsArticlePageFactory(parent=news_index, title=f"Article from day {day}", date=days_ago(day))

    first = client.get("/news/")
    second = client.get("/news/?page=2")
    last = client.get("/news/?page=3")

    assert len(titles(first)) == 12 and titles(first)[0] == "Article from day 0"
    assert titles(second)[0] == "Article from day 12"
    assert len(titles(last)) == 6
    assert 'href="?page=2"' in first.content.decode()
    # A page that does not exist is a 404, not another page under its address.
    assert client.get("/news/?page=999").status_code == 404
    assert client.get("/news/?page=abc").status_code == 404
    assert titles(client.get("/news/?page=last")) == titles(last)


def test_pagination_keeps_the_filters(client, news_index):
    category = NewsCategoryFactory(name="News from IURC")
    for day in range(15):
        NewsArticlePageFactory(parent=news_index, date=days_ago(day), category=category)

    html = client.get("/news/?category=news-from-iurc").content.decode()

    assert 'href="?category=news-from-iurc&amp;page=2"' in html


def test_filter_by_category(client, news_index):
    iurc = NewsCategoryFactory(name="News from IURC")
    china = NewsCategoryFactory(name="News from China")
    NewsArticlePageFactory(parent=news_index, title="Programme news", category=iurc)
    NewsArticlePageFactory(parent=news_index, title="Chinese cities", category=china)

    assert titles(client.get("/news/?category=news-from-china")) == ["Chinese cities"]
    assert titles(client.get("/news/?category=news-from-iurc")) == ["Programme news"]


def test_filter_by_region(client, news_index):
    asia = RegionPageFactory(title="Asia and Australasia", slug="asia")
    lac = RegionPageFactory(title="Latin America and the Caribbean", slug="lac")
    NewsArticlePageFactory(parent=news_index, title="Both", regions=[asia, lac])
    NewsArticlePageFactory(parent=news_index, title="Asia only", regions=[asia])
    NewsArticlePageFactory(parent=news_index, title="Nowhere")

    assert sorted(titles(client.get("/news/?region=asia"))) == ["Asia only", "Both"]
    assert titles(client.get("/news/?region=lac")) == ["Both"]


def test_filter_by_theme(client, news_index):
    climate = ThemeFactory(name="Climate action", slug="climate-action")
    mobility = ThemeFactory(name="Mobility", slug="mobility")
    NewsArticlePageFactory(parent=news_index, title="Cool streets", themes=[climate])
    NewsArticlePageFactory(parent=news_index, title="Bus lanes", themes=[mobility, climate])
    NewsArticlePageFactory(parent=news_index, title="Other")

    assert titles(client.get("/news/?theme=mobility")) == ["Bus lanes"]
    assert sorted(titles(client.get("/news/?theme=climate-action"))) == ["Bus lanes", "Cool streets"]


def test_filter_by_year(client, news_index):
    NewsArticlePageFactory(parent=news_index, title="This year", date=datetime.date(2026, 3, 1))
    NewsArticlePageFactory(parent=news_index, title="Last year", date=datetime.date(2025, 12, 31))

    response = client.get("/news/?year=2025")

    assert titles(response) == ["Last year"]
    # Only years with articles are offered.
    html = response.content.decode()
    assert '<option value="2026">2026</option>' in html
    assert '<option value="2025" selected>2025</option>' in html
    assert 'value="2024"' not in html


def test_filters_combine(client, news_index):
    category = NewsCategoryFactory(name="News from Asia")
    asia = RegionPageFactory(title="Asia", slug="asia")
    theme = ThemeFactory(name="Innovation", slug="innovation")
    NewsArticlePageFactory(
        parent=news_index,
        title="Match",
        category=category,
        regions=[asia],
        themes=[theme],
        date=datetime.date(2026, 5, 1),
    )
    NewsArticlePageFactory(
        parent=news_index,
        title="Wrong year",
        category=category,
        regions=[asia],
        date=datetime.date(2025, 5, 1),
    )
    NewsArticlePageFactory(parent=news_index, title="No region", category=category, themes=[theme])

    response = client.get("/news/?category=news-from-asia&region=asia&theme=innovation&year=2026")

    assert titles(response) == ["Match"]


@pytest.mark.parametrize(
    "query",
    [
        "category=nope",
        "region=" + "x" * 5000,
        "theme=%C3%BC%E2%9C%93%F0%9F%8F%99",
        "year=abcd",
        "year=99999999999999999999",
        "category=%00",
        "region=a%00b&theme=%27%3B--",
        "year=1900",
        "category=a&category=b",
    ],
)
def test_bad_filter_values_give_a_clean_page(client, news_index, query):
    NewsArticlePageFactory(parent=news_index, title="Still here")

    response = client.get(f"/news/?{query}")

    assert response.status_code == 200
    # An unrecognised value is ignored (and said so), so the visitor still sees the news.
    assert titles(response) == ["Still here"]


def test_bad_value_is_reported_next_to_its_field(client, news_index):
    html = client.get("/news/?category=nope").content.decode()

    assert 'id="id_category_error"' in html
    assert 'aria-describedby="id_category_error"' in html
    assert 'aria-invalid="true"' in html


def test_filter_form_works_without_javascript(client, news_index):
    NewsCategoryFactory(name="News from China")
    html = client.get("/news/").content.decode()

    assert '<form method="get" action="/news/"' in html
    assert '<label for="id_category">Category</label>' in html
    assert '<option value="news-from-china">News from China</option>' in html
    assert 'type="submit"' in html


def test_empty_result_has_a_clear_message(client, news_index):
    NewsCategoryFactory(name="Empty")
    response = client.get("/news/?category=empty")

    assert "No articles match these filters." in response.content.decode()


def _count_listing_queries(client, url):
    client.get(url)  # renditions are generated on the first view; count a warm request
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response


def test_listing_queries_do_not_grow_with_the_number_of_articles(client, news_index):
    category = NewsCategoryFactory(name="News from IURC")
    region = RegionPageFactory(title="China", slug="china")
    image = ImageFactory()

    def add(count, start):
        for n in range(count):
            NewsArticlePageFactory(
                parent=news_index,
                date=days_ago(start + n),
                category=category,
                regions=[region],
                hero_image=image if n % 2 else ImageFactory(),
            )

    add(5, 0)
    few, response = _count_listing_queries(client, "/news/?region=china")
    assert len(titles(response)) == 5
    add(45, 5)
    many, response = _count_listing_queries(client, "/news/?region=china")
    assert len(titles(response)) == 12

    assert few == many
