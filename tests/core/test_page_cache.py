"""Full-page cache: fast for visitors, never stale after publishing, never personal."""

import re
import time

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import Context, Template
from django.test import Client

from iurc_portal.core.cache import CSRF_PLACEHOLDER, PageCacheMiddleware
from iurc_portal.core.factories import UserFactory
from iurc_portal.core.models import StandardPage
from newsletter.factories import ConsentTextFactory, NewsletterPageFactory
from newsletter.models import Subscriber
from newsletter.tokens import make_form_time_token

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


@pytest.fixture
def about(home_page):
    page = StandardPage(title="About IURC", slug="about", intro="First version.", show_in_menus=True)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_second_visit_is_served_from_the_cache(client, about):
    client.get("/")  # the very first request creates the site settings row (a new generation)
    assert client.get("/about/")["X-Page-Cache"] == "miss"
    response = client.get("/about/")
    assert response["X-Page-Cache"] == "hit"
    assert "First version." in response.content.decode()


def test_publishing_a_page_refreshes_the_pages_that_list_it(client, home_page, about):
    client.get("/")
    client.get("/about/")
    news = StandardPage(title="Brand new section", slug="new-section", show_in_menus=True)
    home_page.add_child(instance=news)
    news.save_revision().publish()

    home = client.get("/")
    assert home["X-Page-Cache"] == "miss"
    assert "Brand new section" in home.content.decode()  # the menu on every page lists it

    about.intro = "Second version."
    about.save_revision().publish()
    assert "Second version." in client.get("/about/").content.decode()


def test_unpublishing_removes_the_page_from_cached_listings(client, home_page, about):
    assert "About IURC" in client.get("/").content.decode()
    about.unpublish()
    assert client.get("/about/").status_code == 404
    assert ">About IURC<" not in client.get("/").content.decode()


def test_logged_in_editors_never_get_or_fill_the_cache(client, about):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.get("/about/")
    assert "X-Page-Cache" not in response
    client.logout()
    assert client.get("/about/")["X-Page-Cache"] == "miss"


def test_saving_site_settings_refreshes_the_footer(client, home_page, about):
    from wagtail.models import Site

    from iurc_portal.core.models import SiteSettings

    client.get("/about/")
    settings_obj = SiteSettings.for_site(Site.objects.get())
    settings_obj.contact_email = "hello@example.org"
    settings_obj.save()
    assert "hello@example.org" in client.get("/about/").content.decode()


def test_each_visitor_gets_their_own_csrf_token_from_a_cached_page(rf):
    # Every page carries the footer sign-up form; a cached copy must not share one visitor's token.
    request = rf.get("/about/")
    html = Template('<form method="post">{% csrf_token %}</form>').render(
        Context({"csrf_token": get_token(request)})
    )
    frozen = PageCacheMiddleware._freeze(HttpResponse(html), "generation-1")
    assert CSRF_PLACEHOLDER in frozen["content"] and not TOKEN.search(frozen["content"])

    first = PageCacheMiddleware._rebuild(rf.get("/about/"), frozen).content.decode()
    second = PageCacheMiddleware._rebuild(rf.get("/about/"), frozen).content.decode()

    assert TOKEN.search(first).group(1) != TOKEN.search(second).group(1)


def test_responses_that_set_cookies_or_messages_are_not_cached(client, about):
    client.get("/")
    client.cookies["messages"] = "something"
    response = client.get("/about/")
    assert "X-Page-Cache" not in response
    del client.cookies["messages"]
    assert client.get("/about/")["X-Page-Cache"] == "miss"


def test_site_keeps_serving_when_redis_is_down(client, about, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "iurc_portal.core.cache.ResilientRedisCache",
            # Nothing listens on port 1: every connection is refused at once.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"retry_seconds": 30},
        }
    }
    first = client.get("/about/")
    second = client.get("/about/")
    assert first.status_code == 200 and second.status_code == 200
    assert "First version." in second.content.decode()


def test_a_visitor_can_sign_up_from_a_page_served_from_the_cache(about):
    ConsentTextFactory()
    NewsletterPageFactory(parent=about.get_parent())
    Client().get("/")
    assert Client().get("/about/")["X-Page-Cache"] == "miss"

    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get("/about/")
    assert page["X-Page-Cache"] == "hit"
    assert "csrftoken" in page.cookies  # a new visitor gets a CSRF cookie with the cached page
    html = page.content.decode()
    data = {
        "csrfmiddlewaretoken": TOKEN.search(html).group(1),
        "email": "cached-reader@example.org",
        "consent": "on",
        "consent_version": re.search(r'name="consent_version" value="([^"]+)"', html).group(1),
        "source": "/about/",
        "nl_ts": make_form_time_token(time.time() - 30),  # as if it took 30 s to fill in
        "nl_hp": "",
    }
    response = visitor.post("/newsletter/subscribe/", data)
    assert response.status_code == 302
    assert Subscriber.objects.filter(email="cached-reader@example.org").exists()


def test_a_cached_page_carries_the_same_security_headers_as_a_rendered_one(client, about):
    client.get("/")
    miss = client.get("/about/")
    hit = client.get("/about/")
    assert (miss["X-Page-Cache"], hit["X-Page-Cache"]) == ("miss", "hit")
    for header in ("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "X-Content-Type-Options"):
        assert hit.get(header) == miss.get(header) and hit.get(header), header
    assert int(hit["Content-Length"]) == len(hit.content)


def test_tracking_parameters_share_one_entry_and_never_reach_the_page(client, about, monkeypatch):
    from iurc_portal.core import cache as page_cache

    stored = set()
    real_set = page_cache.cache.set

    def counting_set(key, *args, **kwargs):
        if key.startswith(page_cache.ENTRY_PREFIX):
            stored.add(key)
        return real_set(key, *args, **kwargs)

    monkeypatch.setattr(page_cache.cache, "set", counting_set)
    client.get("/")
    responses = [client.get(f"/about/?utm_source=campaign-{n}&fbclid={n}") for n in range(200)]

    assert len(stored) <= 2  # the home page and /about/, whatever the parameters
    assert [r["X-Page-Cache"] for r in responses[1:]] == ["hit"] * 199
    assert "campaign-" not in responses[0].content.decode()


def test_a_page_s_own_parameters_get_their_own_entries(client, about):
    client.get("/")
    assert client.get("/about/?page=2&utm_medium=x")["X-Page-Cache"] == "miss"
    assert client.get("/about/?utm_medium=y&page=2")["X-Page-Cache"] == "hit"
    assert client.get("/about/?page=3")["X-Page-Cache"] == "miss"
    assert client.get("/about/")["X-Page-Cache"] == "miss"


def test_each_language_gets_its_own_cached_page(client, about):
    client.get("/")
    spanish = client.get("/es/about/")
    english = client.get("/about/", HTTP_ACCEPT_LANGUAGE="es")
    assert (spanish["X-Page-Cache"], english["X-Page-Cache"]) == ("miss", "miss")
    again = client.get("/es/about/", HTTP_ACCEPT_LANGUAGE="en")
    assert again["X-Page-Cache"] == "hit"
    assert '<html lang="es">' in again.content.decode()
    # The URL says the language: a browser's preference neither changes nor splits the page.
    english_again = client.get("/about/", HTTP_ACCEPT_LANGUAGE="ja")
    assert english_again["X-Page-Cache"] == "hit"
    assert '<html lang="en">' in english_again.content.decode()


def test_long_query_strings_are_answered_but_not_stored(client, about):
    client.get("/")
    query = "q=" + "x" * 300
    assert client.get(f"/about/?{query}").status_code == 200
    assert "X-Page-Cache" not in client.get(f"/about/?{query}")
