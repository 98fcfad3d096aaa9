"""Two app processes on one PostgreSQL and one Redis behave as one site.

Nothing a request needs lives on local disk or in process memory: a visitor signs up on one
process and confirms through the other, as behind a load balancer. Needs PostgreSQL (from
DATABASE_URL) and Redis (SCALE_OUT_REDIS_URL, else TEST_REDIS_URL); CI has both. The processes'
cache keys carry a prefix of their own, so other tests and xdist workers may share the database.
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
from django.db import connection

from tests.services import delete_prefixed_keys, redis_reachable, redis_url_for_tests, unique_key_prefix

BASE_DIR = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("SCALE_OUT_REDIS_URL") or redis_url_for_tests()

pytestmark = [
    pytest.mark.postgres,
    # Under xdist one worker runs the module, so the two servers are started once.
    pytest.mark.xdist_group("scale_out"),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL"),
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def two_processes(tmp_path_factory, django_db_blocker):
    if not redis_reachable(REDIS_URL):
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    import psycopg2

    work = tmp_path_factory.mktemp("scale_out")
    settings_dict = connection.settings_dict
    database = f"iurc_scaleout_{os.getpid()}"
    server = {
        "host": settings_dict["HOST"] or "127.0.0.1",
        "port": settings_dict["PORT"] or 5432,
        "user": settings_dict["USER"],
        "password": settings_dict["PASSWORD"],
    }
    admin = psycopg2.connect(dbname="postgres", **server)
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{database}"')
        cursor.execute(f'CREATE DATABASE "{database}"')
    cache_prefix = unique_key_prefix("scale-out")

    auth = f"{server['user']}:{server['password']}@" if server["password"] else f"{server['user']}@"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iurc_portal.settings.production",
        "DATABASE_URL": f"postgres://{auth}{server['host']}:{server['port']}/{database}",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": cache_prefix,
        "SECRET_KEY": "scale-out-test-" + "k" * 50,  # shared, as every process of one site
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STATIC_ROOT": str(work / "static"),
        "MEDIA_ROOT": str(work / "media"),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(work / "mail"),
        "EMAIL_TASK_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "WEB_CONCURRENCY": "1",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "LOG_LEVEL": "ERROR",
        # Low, so that the shared counter is seen to stop the sixth sign-up from one address.
        "NEWSLETTER_IP_LIMIT": "5",
    }
    python = sys.executable
    for command in (["migrate", "--no-input", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([python, "manage.py", *command], env=env, cwd=BASE_DIR, check=True, timeout=300)
    subprocess.run(
        [python, "manage.py", "load_demo_content", "-v0"],
        env={**env, "DJANGO_SETTINGS_MODULE": "iurc_portal.settings.dev"},
        cwd=BASE_DIR,
        check=True,
        timeout=300,
    )
    gunicorn = str(Path(python).with_name("gunicorn"))
    processes, urls = [], []
    for _ in range(2):
        port = free_port()
        urls.append(f"http://127.0.0.1:{port}")
        processes.append(
            subprocess.Popen(
                [gunicorn, "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
                env=env,
                cwd=BASE_DIR,
                stdout=subprocess.DEVNULL,
                stderr=open(work / f"gunicorn-{port}.log", "w"),  # noqa: SIM115
            )
        )
    try:
        for url in urls:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(url + "/robots.txt", timeout=2)
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError(f"{url} did not start; see {work}") from None
                    time.sleep(0.3)
        yield {
            "urls": urls,
            "mail": work / "mail",
            "db": {"dbname": database, **server},
            "cache_prefix": cache_prefix,
        }
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=20)
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.close()
        delete_prefixed_keys(REDIS_URL, cache_prefix)


class Browser:
    """A visitor with a cookie jar, who can be sent to either process."""

    def __init__(self):
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))

    def get(self, url):
        with self.opener.open(url, timeout=15) as response:
            return response.read().decode()

    def post(self, url, data):
        body = urllib.parse.urlencode(data).encode()
        with self.opener.open(urllib.request.Request(url, data=body), timeout=15) as response:
            return response.status, response.geturl(), response.read().decode()


def field(html, name):
    return re.search(rf'name="{name}" value="([^"]*)"', html).group(1)


def test_sign_up_on_one_process_and_confirm_through_the_other(two_processes):
    import psycopg2

    first, second = two_processes["urls"]
    visitor = Browser()
    form = visitor.get(first + "/newsletter/")
    time.sleep(2.2)  # the time trap: a person takes a moment to fill the form in
    status, landed, page = visitor.post(
        first + "/newsletter/subscribe/",
        {
            "csrfmiddlewaretoken": field(form, "csrfmiddlewaretoken"),
            "email": "two.processes@example.org",
            "consent": "on",
            "source": "/newsletter/",
            "nl_hp": "",
            "nl_ts": field(form, "nl_ts"),
        },
    )
    assert status == 200 and "check your inbox" in page.lower()

    # The email the first process sent carries the confirmation link.
    messages = list(two_processes["mail"].glob("*.log"))
    assert len(messages) == 1
    path = re.search(r"https?://[^/\s]+(/newsletter/confirm/[^/\s]+/)", messages[0].read_text()).group(1)

    # The visitor's click lands on the other process, which knows nothing but the database and Redis.
    other = Browser()
    confirm_page = other.get(second + path)
    status, _landed, confirmed = other.post(
        second + path, {"csrfmiddlewaretoken": field(confirm_page, "csrfmiddlewaretoken")}
    )
    assert status == 200
    assert "confirmed" in confirmed.lower()

    with psycopg2.connect(**two_processes["db"]) as db, db.cursor() as cursor:
        cursor.execute(
            "select status from newsletter_subscriber where email_normalized = %s",
            ["two.processes@example.org"],
        )
        assert cursor.fetchall() == [("confirmed",)]


def test_rate_limits_are_counted_once_for_all_processes(two_processes):
    """Five sign-ups per address and hour, wherever they land: the counter lives in Redis."""
    urls = two_processes["urls"]
    visitor = Browser()
    form = visitor.get(urls[0] + "/newsletter/")
    time.sleep(2.2)
    base = {
        "csrfmiddlewaretoken": field(form, "csrfmiddlewaretoken"),
        "consent": "on",
        "source": "/newsletter/",
        "nl_hp": "",
        "nl_ts": field(form, "nl_ts"),
    }
    # A fresh count, whichever tests ran before: five sign-ups alternate between the processes.
    delete_prefixed_keys(REDIS_URL, two_processes["cache_prefix"])
    for number in range(5):
        status, _url, _page = visitor.post(
            urls[number % 2] + "/newsletter/subscribe/", {**base, "email": f"reader{number}@example.org"}
        )
        assert status == 200
    with pytest.raises(urllib.error.HTTPError) as refused:
        visitor.post(urls[1] + "/newsletter/subscribe/", {**base, "email": "one.too.many@example.org"})
    assert refused.value.code == 429
