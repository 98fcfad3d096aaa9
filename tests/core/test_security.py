"""Security headers, the admin login lockout, and editor input that must never run as script."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

from iurc_portal.core.factories import UserFactory
from iurc_portal.core.models import StandardPage

pytestmark = pytest.mark.django_db
BASE_DIR = Path(__file__).resolve().parents[2]
SECURITY_SETTINGS = [
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_SSL_REDIRECT",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "SECURE_PROXY_SSL_HEADER",
]


@pytest.fixture(scope="module")
def production_security_settings():
    """The HTTPS settings exactly as production.py computes them from a minimal environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SECURE_", "SESSION_", "CSRF_"))}
    env.update(
        DJANGO_SETTINGS_MODULE="iurc_portal.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="testserver",
    )
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{k: getattr(settings, k) for k in {SECURITY_SETTINGS!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_production_enforces_https(production_security_settings):
    values = production_security_settings
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert values["SECURE_SSL_REDIRECT"] and values["SESSION_COOKIE_SECURE"] and values["CSRF_COOKIE_SECURE"]


def assert_security_headers(response):
    csp = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in csp.split(";"))
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["frame-ancestors"] == "'self'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    hsts = response["Strict-Transport-Security"]
    assert int(hsts.split("max-age=")[1].split(";")[0]) >= 31536000
    return directives


@pytest.mark.parametrize("path", ["/", "/about/"])
def test_public_pages_send_a_strict_content_security_policy(
    client, home_page, production_security_settings, path
):
    if path == "/about/":
        about = StandardPage(title="About", slug="about")
        home_page.add_child(instance=about)
    with override_settings(
        **{k: v for k, v in production_security_settings.items() if k != "SECURE_PROXY_SSL_HEADER"}
    ):
        response = client.get(path, secure=True)
    assert response.status_code == 200
    directives = assert_security_headers(response)
    assert directives["script-src"] == "'self'"
    assert "unsafe-inline" not in response["Content-Security-Policy"]


def test_admin_login_sends_security_headers(client, home_page, production_security_settings):
    with override_settings(
        **{k: v for k, v in production_security_settings.items() if k != "SECURE_PROXY_SSL_HEADER"}
    ):
        response = client.get("/admin/login/", secure=True)
    assert response.status_code == 200
    assert_security_headers(response)


def test_plain_http_is_redirected_to_https_in_production(client, home_page, production_security_settings):
    with override_settings(SECURE_SSL_REDIRECT=production_security_settings["SECURE_SSL_REDIRECT"]):
        response = client.get("/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/"


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_admin_login_locks_after_repeated_failures(client, home_page):
    UserFactory(username="editor", password="the-right-password", is_superuser=True, is_staff=True)
    for _ in range(4):
        response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
        assert response.status_code == 200 and b"Too many failed" not in response.content
    fifth = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert fifth.status_code == 429

    locked = client.post("/admin/login/", {"username": "editor", "password": "the-right-password"})

    assert locked.status_code == 429
    assert b"Too many failed log-in attempts" in locked.content
    assert "_auth_user_id" not in client.session


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=5)
def test_a_few_mistakes_do_not_lock_the_admin_out(client, home_page):
    UserFactory(username="editor", password="the-right-password", is_superuser=True, is_staff=True)
    for _ in range(3):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    response = client.post("/admin/login/", {"username": "editor", "password": "the-right-password"})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


PAYLOADS = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<svg onload="alert(1)">',
]


def contentstate(text, url):
    """A Draftail document as the browser would send it, with a link entity pointing at `url`."""
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "aaaaa",
                    "type": "unstyled",
                    "depth": 0,
                    "text": text + " click",
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": len(text) + 1, "length": 5, "key": 0}],
                    "data": {},
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
        }
    )


@pytest.mark.parametrize("payload", PAYLOADS)
def test_script_payloads_saved_through_the_admin_never_reach_the_page(client, home_page, payload):
    page = StandardPage(title="Safe page", slug="safe")
    home_page.add_child(instance=page)
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    data = nested_form_data(
        {
            "title": payload,
            "slug": "safe",
            "intro": payload,
            "body": streamfield(
                [
                    ("paragraph", contentstate(payload, "javascript:alert(document.cookie)")),
                    ("heading", {"text": payload, "level": "h2"}),
                    ("quote", {"quote": payload, "attribution": payload, "role": ""}),
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()

    soup = BeautifulSoup(client.get("/safe/").content, "html.parser")
    main = soup.find("main")
    assert "alert" in main.get_text()  # the payload is still there, as harmless text
    assert not main.find_all(["script", "svg", "iframe", "object"])
    for element in main.find_all(True):
        assert not [name for name in element.attrs if name.lower().startswith("on")], element
        for attribute in ("href", "src"):
            assert not str(element.get(attribute, "")).strip().lower().startswith("javascript:"), element
    executable = [
        s for s in soup.find_all("script") if s.get("type") in (None, "", "text/javascript", "module")
    ]
    assert not [s for s in executable if "alert" in (s.string or "")]
    assert Page.objects.get(pk=page.pk).live


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "TRACE", "OPTIONS"])
def test_pages_refuse_methods_that_are_not_get_or_head(client, home_page, method):
    response = client.generic(method, "/")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response["X-Content-Type-Options"] == "nosniff"  # the security headers are still there


def test_pages_answer_head_like_get(client, home_page):
    head, get = client.head("/"), client.get("/")
    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]


def test_every_response_carries_permissions_and_resource_policies(client, home_page):
    for path in ("/", "/robots.txt", "/no-such-page/"):
        response = client.get(path)
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]
        assert response["Cross-Origin-Resource-Policy"] == "same-origin"


def test_head_answers_wherever_get_does(client, home_page):
    from news.factories import EventIndexPageFactory, NewsIndexPageFactory

    NewsIndexPageFactory(parent=home_page)
    EventIndexPageFactory(parent=home_page)
    for path in (
        "/robots.txt",
        "/search/?q=cities",
        "/news/feed/rss/",
        "/events/calendar.ics",
        "/sitemap.xml",
    ):
        get, head = client.get(path), client.head(path)
        assert get.status_code == 200, path
        assert head.status_code == 200, path
        assert head["Content-Type"] == get["Content-Type"], path
    for path in ("/robots.txt", "/search/?q=cities", "/events/calendar.ics"):
        assert client.generic("TRACE", path).status_code == 405, path
