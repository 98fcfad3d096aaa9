import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from iurc_portal.core import demo as core_demo
from iurc_portal.core.demo import DemoContext
from news import demo as news_demo
from news.models import AttendanceMode, EventPage, NewsArticlePage, NewsCategory

pytestmark = pytest.mark.django_db


def load(settings, debug):
    settings.DEBUG = debug
    ctx = DemoContext()
    core_demo.load(ctx)
    news_demo.load(ctx)
    return ctx


def test_demo_content_is_created_once(settings, client):
    first = load(settings, debug=False)
    assert first.created > 0
    assert NewsArticlePage.objects.live().count() == 12
    assert NewsCategory.objects.count() == 5
    assert NewsArticlePage.objects.values("category").distinct().count() == 5
    # Only generic upcoming online sessions: nothing presented as having happened, no invented venue.
    events = EventPage.objects.live()
    assert events.count() == 3
    assert not events.filter(end__lt=timezone.now()).exists()
    assert set(events.values_list("attendance", flat=True)) == {AttendanceMode.ONLINE}
    assert not events.exclude(venue="").exists() and not events.exclude(address="").exists()
    # No demo accounts outside development.
    assert not get_user_model().objects.filter(username__in=["editor", "moderator"]).exists()

    second = load(settings, debug=False)
    assert second.created == 0

    assert client.get("/news/").status_code == 200
    assert client.get("/events/").status_code == 200


def test_demo_accounts_only_in_debug_with_random_passwords(settings):
    load(settings, debug=True)
    User = get_user_model()
    editor = User.objects.get(username="editor")
    moderator = User.objects.get(username="moderator")
    assert list(editor.groups.values_list("name", flat=True)) == ["Editors"]
    assert list(moderator.groups.values_list("name", flat=True)) == ["Moderators"]
    assert editor.has_usable_password() and not editor.is_superuser
    article = NewsArticlePage.objects.first()
    assert not article.permissions_for_user(editor).can_publish()
    assert article.permissions_for_user(moderator).can_publish()
    for weak in ("editor", "moderator", "password", "changeme"):
        assert not editor.check_password(weak)
