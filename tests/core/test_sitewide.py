"""Site-wide data (menu, settings, restricted sections) kept per process and cache generation."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from iurc_portal.core import sitewide
from iurc_portal.core.models import SiteSettings, SiteText, StandardPage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keep_sitewide(settings):
    settings.SITEWIDE_SECONDS = 60
    sitewide.forget()
    yield
    sitewide.forget()


@pytest.fixture
def about(home_page):
    page = StandardPage(title="About IURC", slug="about", intro="Who we are.", show_in_menus=True)
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def queries_for(client, path):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured.captured_queries), response.content.decode()


def test_a_second_page_view_reads_no_site_wide_data(client, about):
    first, _ = queries_for(client, "/about/")
    second, html = queries_for(client, "/about/")
    assert "About IURC" in html
    # The sections, the restricted sections, the settings and the consent statement are kept.
    assert second <= first - 3
    # What is left is Wagtail finding the site and the page, and nothing else.
    assert second <= 4


def test_publishing_a_section_shows_in_the_menu_at_once(client, home_page, about):
    client.get("/about/")
    section = StandardPage(title="Brand new section", slug="new-section", show_in_menus=True)
    home_page.add_child(instance=section)
    section.save_revision().publish()
    assert ">Brand new section</a>" in client.get("/about/").content.decode()

    section.unpublish()
    assert "Brand new section" not in client.get("/about/").content.decode()


def test_saving_the_site_settings_shows_at_once(client, home_page, about):
    client.get("/about/")
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.contact_email = "changed@iurc.example.org"
    site_settings.save()
    assert "changed@iurc.example.org" in client.get("/about/").content.decode()


def test_publishing_the_footer_text_shows_at_once_and_a_draft_does_not(client, home_page, about):
    text = SiteText.objects.create(locale=home_page.locale, funding_statement="Funded as before.")
    assert "Funded as before." in client.get("/about/").content.decode()
    text.funding_statement = "Funded as drafted."
    text.save_revision()
    assert "Funded as drafted." not in client.get("/about/").content.decode()
    text.get_latest_revision().publish()
    assert "Funded as drafted." in client.get("/about/").content.decode()


def test_a_new_restriction_hides_the_section_at_once(client, home_page, about):
    client.get("/about/")
    PageViewRestriction.objects.create(
        page=about, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    html = client.get("/").content.decode()
    assert "About IURC" not in html
    # And the page itself asks for the password, though no restriction existed a moment ago.
    assert "password" in client.get("/about/").content.decode().lower()


def test_kept_values_expire_without_a_new_generation(client, settings, home_page, about, monkeypatch):
    client.get("/about/")
    # A change made outside the admin (no signal, no new generation) ...
    StandardPage.objects.filter(pk=about.pk).update(title="Renamed outside the admin")
    assert "Renamed outside the admin" not in client.get("/").content.decode()
    # ... shows once SITEWIDE_SECONDS have passed.
    later = sitewide.time.monotonic() + settings.SITEWIDE_SECONDS + 1
    monkeypatch.setattr(sitewide.time, "monotonic", lambda: later)
    assert "Renamed outside the admin" in client.get("/").content.decode()


def test_unreachable_redis_still_serves(client, settings, about):
    settings.CACHES = {
        "default": {
            "BACKEND": "iurc_portal.core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    assert "About IURC" in client.get("/about/").content.decode()
    assert "About IURC" in client.get("/about/").content.decode()
