import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from iurc_portal.core.factories import UserFactory
from news.factories import NewsCategoryFactory
from news.models import EventPage, NewsArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(username="admin", is_superuser=True, is_staff=True))
    return client


def test_news_categories_are_managed_as_snippets(admin_client):
    NewsCategoryFactory(name="News from IURC")

    response = admin_client.get(reverse("wagtailsnippets_news_newscategory:list"))

    assert response.status_code == 200
    assert "News from IURC" in response.content.decode()
    assert "News categories" in admin_client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize(
    ("model", "parent_fixture"), [(NewsArticlePage, "news_index"), (EventPage, "event_index")]
)
def test_add_forms_render(admin_client, request, model, parent_fixture):
    parent = request.getfixturevalue(parent_fixture)

    response = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["news", model._meta.model_name, parent.pk])
    )

    assert response.status_code == 200
    if model is EventPage:
        assert '<option value="Asia/Tokyo">Asia/Tokyo</option>' in response.content.decode()


def test_preview_of_an_unpublished_change(admin_client, news_index):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    from news.factories import NewsArticlePageFactory

    page = NewsArticlePageFactory(parent=news_index, title="Published title", slug="story")
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = nested_form_data(
        {
            "title": "Changed title",
            "slug": "story",
            "date": "2026-11-20",
            "intro": "New intro.",
            "body": streamfield([("paragraph", rich_text("<p>Preview body</p>"))]),
            "comments": inline_formset([]),
        }
    )

    assert admin_client.post(url, data).json()["is_valid"]
    preview = admin_client.get(url).content.decode()

    assert "Changed title" in preview and "Preview body" in preview
    assert "Changed title" not in admin_client.get("/news/story/").content.decode()


def test_article_form_picks_among_40_cities_and_20_pairings_with_checkboxes(admin_client, news_index):
    from programmes.factories import (
        CityIndexPageFactory,
        CityPageFactory,
        PairingIndexPageFactory,
        PairingPageFactory,
    )

    cities = CityIndexPageFactory(parent=news_index.get_parent())
    pairings = PairingIndexPageFactory(parent=news_index.get_parent())
    CityPageFactory.create_batch(40, parent=cities)
    PairingPageFactory.create_batch(20, parent=pairings)

    html = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", news_index.pk])
    ).content.decode()

    # A bare <select multiple> needs Ctrl-click and hides most of 40 names; checkboxes show them all.
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select("select[multiple]") == []
    assert len(soup.select('input[type="checkbox"][name="related_cities"]')) == 40
    assert len(soup.select('input[type="checkbox"][name="related_pairings"]')) == 20


def test_category_and_region_help_texts_state_the_rule(admin_client, news_index):
    html = admin_client.get(
        reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", news_index.pk])
    ).content.decode()
    assert "What kind of news this is, one only." in html
    assert "Region pages and the region filter list articles by these ticks" in html
