import pytest
from django.core.management import call_command
from django.test import override_settings

from iurc_portal.core.models import StandardPage

pytestmark = pytest.mark.django_db


def test_standard_page_renders_with_breadcrumbs_and_menu(client, home_page):
    about = StandardPage(title="About IURC", slug="about", intro="Who we are.", show_in_menus=True)
    home_page.add_child(instance=about)
    about.save_revision().publish()

    html = client.get("/about/").content.decode()

    assert '<nav class="breadcrumbs container" aria-label="Breadcrumb">' in html
    assert 'aria-current="page"' in html  # both the breadcrumb and the active menu item
    assert '<a href="/about/" aria-current="page">About IURC</a>' in html
    assert html.count("<h1") == 1
    assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html


def test_robots_txt_points_to_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


def test_unknown_page_gets_a_404_in_the_site_design(client, home_page):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'class="site-header"' in html


def test_ensure_admin_creates_one_admin_and_never_a_fixed_password(tmp_path, monkeypatch, capsys):
    from django.contrib.auth import get_user_model

    from iurc_portal.core.management.commands import ensure_admin

    monkeypatch.setattr(ensure_admin, "PASSWORD_FILE", tmp_path / ".admin-password")
    with override_settings(DEBUG=True):
        call_command("ensure_admin")
        call_command("ensure_admin")
    output = capsys.readouterr().out
    password = (tmp_path / ".admin-password").read_text().strip()
    assert len(password) >= 12
    assert output.count(f"Password: {password}") == 2
    user = get_user_model().objects.get(is_superuser=True)
    assert user.check_password(password)


def test_ensure_admin_outside_debug_needs_a_password_from_the_environment(monkeypatch):
    from django.core.management.base import CommandError

    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    with override_settings(DEBUG=False), pytest.raises(CommandError, match="DJANGO_SUPERUSER_PASSWORD"):
        call_command("ensure_admin")


def test_site_wide_messages_show_at_the_top_of_the_page(client, home_page, rf):
    from django.contrib.messages import constants
    from django.contrib.messages.storage.base import Message
    from django.contrib.messages.storage.cookie import CookieStorage

    storage = CookieStorage(rf.get("/"))
    client.cookies["messages"] = storage._encode(
        [
            Message(constants.SUCCESS, "Your changes were saved."),
            Message(constants.INFO, "Newsletter only", "newsletter"),
        ]
    )

    html = client.get("/").content.decode()

    main = html.split('<main id="main"', 1)[1]
    assert main.index("Your changes were saved.") < main.index("<h1")
    assert 'class="message message--success"' in main
    assert "Newsletter only" not in main.split("</main>")[0]


def test_footer_links_show_published_pages_and_websites_only(client, home_page):
    from iurc_portal.core.models import SiteText

    privacy = StandardPage(title="Privacy notice", slug="privacy")
    draft = StandardPage(title="Draft terms", slug="terms", live=False)
    home_page.add_child(instance=privacy)
    home_page.add_child(instance=draft)
    privacy.save_revision().publish()
    text = SiteText(locale=home_page.locale)
    text.footer_links = [
        ("link", {"page": privacy, "url": "", "label": ""}),
        ("link", {"page": draft, "url": "", "label": ""}),
    ]
    text.programme_websites = [
        ("link", {"page": None, "url": "https://iuc.eu/", "label": ""}),
        ("link", {"page": privacy, "url": "", "label": "Data protection"}),
    ]
    text.save()

    footer = client.get("/privacy/").content.decode().split('<footer class="site-footer">')[1]

    assert '<a href="/privacy/">Privacy notice</a>' in footer
    assert "Draft terms" not in footer  # an unpublished page is left out, not linked to a 404
    assert '<a href="https://iuc.eu/" rel="noopener">Visit website</a>' in footer
    assert '<a href="/privacy/">Data protection</a>' in footer


@pytest.mark.parametrize("page", ["99", "0", "-1", "two", "1.5"])
def test_a_page_number_past_the_end_or_not_a_number_is_a_404(client, home_page, page):
    from iurc_portal.core.models import StandardPage

    home_page.add_child(instance=StandardPage(title="Cities and regions", slug="about"))
    assert client.get("/search/?q=cities").status_code == 200
    assert client.get("/search/?q=cities&page=last").status_code == 200
    assert client.get(f"/search/?q=cities&page={page}").status_code == 404
