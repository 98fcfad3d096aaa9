"""`make run PORT=9100`: every absolute link names the address actually served."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Site

from news.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)
from newsletter.emails import confirm_url
from newsletter.models import Subscriber

pytestmark = pytest.mark.django_db

SERVED = "http://127.0.0.1:9100"


@pytest.fixture
def served_on_9100(settings, home_page):
    # What `make run PORT=9100` exports before it runs the command.
    settings.WAGTAILADMIN_BASE_URL = SERVED
    call_command("sync_site_address", stdout=StringIO())
    return home_page


def get(client, path):
    response = client.get(path, HTTP_HOST="127.0.0.1:9100")
    assert response.status_code == 200, path
    return response.content.decode()


def test_the_site_takes_the_served_host_and_port(served_on_9100):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 9100)


def test_canonical_sitemap_feeds_calendar_and_emails_use_the_served_port(client, served_on_9100):
    news = NewsIndexPageFactory(parent=served_on_9100)
    NewsArticlePageFactory(parent=news, title="Port test article", slug="port-test")
    events = EventIndexPageFactory(parent=served_on_9100)
    EventPageFactory(parent=events, title="Port test event", slug="port-event")

    assert f'<link rel="canonical" href="{SERVED}/news/port-test/">' in get(client, "/news/port-test/")
    assert f"<loc>{SERVED}/news/port-test/</loc>" in get(client, "/sitemap.xml")
    assert f"{SERVED}/news/port-test/" in get(client, "/news/feed/rss/")
    assert f"{SERVED}/news/port-test/" in get(client, "/news/feed/atom/")
    assert f"{SERVED}/events/port-event/" in get(client, "/events/port-event/ics/").replace("\r\n ", "")
    assert confirm_url("token", Subscriber(locale="")).startswith(f"{SERVED}/newsletter/confirm/")
    assert "8000" not in get(client, "/sitemap.xml")
