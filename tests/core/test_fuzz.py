"""Property-based: whatever URL, query, header, method or body arrives, the answer is never a 500.

Bounded (a few hundred requests in all) so that it runs in CI in seconds; the sign-up form has its
own fuzz test in tests/newsletter/test_fuzz.py. Requests that must reach Django's WSGI layer (a
Content-Type Django cannot parse breaks it before any middleware) go through the real WSGI
application with guard_wsgi, as gunicorn calls it.
"""

import io
from urllib.parse import quote, urlencode

import pytest
from django.conf import settings as django_settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iurc_portal.core.factories import StandardPageFactory
from iurc_portal.core.http import guard_wsgi
from news.factories import EventPageFactory, NewsArticlePageFactory, event_index, news_index
from newsletter.factories import ConsentTextFactory, NewsletterPageFactory
from programmes.factories import city_index, pairing_index, region_index

pytestmark = pytest.mark.django_db

fuzz_settings = settings(
    max_examples=40,
    deadline=None,
    database=None,  # no .hypothesis folder in the work tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# No lone surrogates: they cannot be sent over HTTP at all.
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)
header_text = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=255), max_size=80)
METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "CONNECT"]
HEADERS = [
    "HTTP_ACCEPT",
    "HTTP_ACCEPT_LANGUAGE",
    "HTTP_ACCEPT_ENCODING",
    "HTTP_COOKIE",
    "HTTP_REFERER",
    "HTTP_USER_AGENT",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_IF_MODIFIED_SINCE",
    "HTTP_IF_NONE_MATCH",
    "HTTP_RANGE",
    "HTTP_ORIGIN",
    "HTTP_X_REQUESTED_WITH",
]
FORM_TYPES = [
    "application/x-www-form-urlencoded",
    "multipart/form-data",
    "text/plain",
    "application/json",
    "application/octet-stream",
]
CONTENT_TYPE_PARAMETERS = [
    "charset=utf-8",
    "charset=UTF8",
    "charset=latin-1",
    "charset=utf-16",
    "charset=hex",
    "charset=rot13",
    "charset=nope",
    "charset=",
    "charset*=utf-8''utf-8",
    "charset*=nope''x",
    "boundary=x",
    "boundary=",
    "boundary*=utf-8''x",
    "boundary*=utf-8''%ff%fe",
    "boundary*=foo-bar''x",
    'boundary="a b"',
    "boundary=" + "b" * 100,
]


@pytest.fixture
def site(home_page):
    """One page of each kind the public site serves, and their addresses."""
    article = NewsArticlePageFactory(parent=news_index(), title="An article")
    event = EventPageFactory(parent=event_index(), title="An event")
    region_index(), city_index(), pairing_index()
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    ConsentTextFactory()
    NewsletterPageFactory(parent=home_page)
    return [
        "/",
        about.url,
        "/news/",
        article.url,
        "/events/",
        event.url,
        "/events/calendar.ics",
        "/regions/",
        "/cities/",
        "/pairings/",
        "/search/",
        "/robots.txt",
        "/sitemap.xml",
        "/newsletter/",
        "/newsletter/subscribe/",
        "/newsletter/confirm/" + "a" * 43 + "/",
        "/newsletter/unsubscribe/abc:def/",
        "/admin/login/",
        "/documents/1/file.pdf",
        "/static/css/site.css",
        "/media/original_images/x.png",
    ]


paths = st.one_of(
    st.integers(min_value=0, max_value=20),  # an index into the site's own paths
    text.map(lambda value: "/" + quote(value, safe="/%?&=;:@+$,")),
)
queries = st.dictionaries(
    st.one_of(st.sampled_from(sorted(django_settings.PAGE_CACHE_QUERY_PARAMETERS)), text),
    st.one_of(text, st.integers().map(str), st.just("last")),
    max_size=4,
)


@fuzz_settings
@given(
    path=paths,
    query=queries,
    method=st.sampled_from(METHODS),
    headers=st.dictionaries(st.sampled_from(HEADERS), header_text, max_size=4),
)
def test_any_url_query_method_and_header_gets_an_answer_without_server_error(
    client, site, path, query, method, headers
):
    address = site[path] if isinstance(path, int) else path
    response = client.generic(method, address + "?" + urlencode(query), **headers)

    assert response.status_code < 500
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in response


def wsgi_request(method, path, content_type, body):
    """Call the WSGI application as gunicorn does; (status code, headers)."""
    environ = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "HTTP_HOST": "testserver",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "127.0.0.1",
        "CONTENT_TYPE": content_type,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        "wsgi.errors": io.StringIO(),
        "wsgi.url_scheme": "http",
        "wsgi.version": (1, 0),
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"] = int(status.split()[0])
        answer["headers"] = dict(headers)

    # As Django's test client does: the test's transaction must outlive the request (on
    # PostgreSQL a connection in the test's transaction counts as obsolete and would be closed).
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        body_parts = guard_wsgi(WSGIHandler())(environ, start_response)
        b"".join(body_parts)
        if hasattr(body_parts, "close"):
            body_parts.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return answer["status"], answer["headers"]


MULTIPART_BODY = (
    b'--x\r\nContent-Disposition: form-data; name="email"\r\n\r\na@example.org\r\n'
    b"--x\r\nContent-Disposition: form-data; name*=nope''f; filename*=utf-8''%ff\r\n"
    b"Content-Type: text/plain; charset=nope\r\n\r\nbody\r\n--x--\r\n"
)
BAD_REQUESTS = [
    ("multipart/form-data; boundary*=nope''x", MULTIPART_BODY),
    ("multipart/form-data; boundary*=utf-8''%ff%fe", MULTIPART_BODY),
    ("text/plain; a*=foo-bar''x", b"x"),
    ("multipart/form-data; boundary=x; charset=hex", MULTIPART_BODY),
    ("multipart/form-data; boundary=x; charset=utf-16", MULTIPART_BODY),
    ("application/x-www-form-urlencoded; charset=latin-1", b"email=a%E9%40example.org"),
    ("application/x-www-form-urlencoded; charset=nope", b"email=a@example.org"),
    ("multipart/form-data", MULTIPART_BODY),
]


@pytest.mark.parametrize("content_type,body", BAD_REQUESTS)
@pytest.mark.parametrize("path", ["/newsletter/subscribe/", "/admin/login/"])
def test_a_body_django_cannot_read_is_a_400_with_the_security_headers(site, path, content_type, body):
    status, headers = wsgi_request("POST", path, content_type, body)

    assert status == 400
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in headers and "Cross-Origin-Resource-Policy" in headers
    assert "default-src 'none'" in headers["Content-Security-Policy"]


def test_a_utf8_form_is_still_read(client, site):
    response = client.post(
        "/admin/login/",
        "username=editor&password=wrong",
        content_type="application/x-www-form-urlencoded; charset=UTF-8",
    )
    assert response.status_code == 200  # the login form again, with its error


@fuzz_settings
@given(
    method=st.sampled_from(["POST", "PUT", "PATCH", "DELETE"]),
    path=st.integers(min_value=0, max_value=20),
    form_type=st.sampled_from(FORM_TYPES),
    parameters=st.lists(st.one_of(st.sampled_from(CONTENT_TYPE_PARAMETERS), header_text), max_size=3),
    body=st.one_of(st.binary(max_size=300), st.just(MULTIPART_BODY)),
)
def test_any_content_type_and_body_gets_an_answer_without_server_error(
    site, method, path, form_type, parameters, body
):
    content_type = "; ".join([form_type, *parameters])

    status, headers = wsgi_request(method, site[path], content_type, body)

    assert status < 500
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in headers


def test_an_error_escaping_django_is_still_a_500_with_the_security_headers():
    def broken(environ, start_response):
        raise RuntimeError("the 500 page itself failed")

    answer = {}

    def start_response(status, headers, exc_info=None):
        answer.update(status=status, headers=dict(headers))

    body = b"".join(guard_wsgi(broken)({"CONTENT_TYPE": ""}, start_response))

    assert answer["status"].startswith("500") and body
    assert answer["headers"]["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" in answer["headers"]
