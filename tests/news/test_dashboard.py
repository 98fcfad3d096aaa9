"""The admin dashboard: write a news article, my drafts, awaiting my review."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from iurc_portal.core.factories import UserFactory
from news.factories import NewsArticlePageFactory
from news.management.commands.setup_editorial_workflow import setup_editorial_workflow

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(news_index, event_index):
    setup_editorial_workflow()
    people = {}
    for group, username in (("Editors", "editor"), ("Moderators", "moderator")):
        people[username] = UserFactory(username=username)
        people[username].groups.add(Group.objects.get(name=group))
    return people


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def draft_by(user, news_index, title):
    page = NewsArticlePageFactory(parent=news_index, title=title, live=False)
    page.save_revision(user=user)
    return page


def test_an_editor_can_start_a_news_article_from_the_dashboard(client, people, news_index):
    html = dashboard(client, people["editor"])

    add_url = reverse("wagtailadmin_pages:add", args=["news", "newsarticlepage", news_index.pk])
    assert "Write a news article" in html
    assert f'href="{add_url}"' in html
    client.force_login(people["editor"])
    assert client.get(add_url).status_code == 200


def test_the_write_panel_is_not_offered_to_someone_who_may_not_add_news(client, people):
    readers = Group.objects.create(name="Admin readers")
    readers.permissions.add(Permission.objects.get(codename="access_admin"))
    reader = UserFactory(username="reader")
    reader.groups.add(readers)

    html = dashboard(client, reader)

    assert "Write a news article" not in html


def test_my_drafts_lists_my_unpublished_pages_only(client, people, news_index):
    draft_by(people["editor"], news_index, "My half-written story")
    draft_by(people["moderator"], news_index, "Someone else's story")
    published = draft_by(people["editor"], news_index, "Already out")
    published.get_latest_revision().publish()

    html = dashboard(client, people["editor"])

    panel = html[html.index('id="my-drafts-section"') :]
    assert "My half-written story" in panel
    assert "Someone else&#x27;s story" not in panel and "Someone else's story" not in panel
    assert "Already out" not in panel


def test_a_submitted_article_awaits_the_moderators_review_next_to_my_drafts(client, people, news_index):
    page = draft_by(people["editor"], news_index, "Story for review")
    page.get_workflow().start(page, people["editor"])

    editor_html = dashboard(client, people["editor"])
    assert "Awaiting review" in editor_html[editor_html.index('id="my-drafts-section"') :]

    html = dashboard(client, people["moderator"])
    order = [html.index(heading) for heading in ("Write a news article", "My drafts", "Awaiting your review")]
    assert order == sorted(order)
    assert "Story for review" in html[html.index("Awaiting your review") :]
